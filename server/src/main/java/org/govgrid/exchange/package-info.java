/**
 * Data exchange (标准 4a, 4d, 7.3.1): bulk import of people, houses, organisations and
 * things from xlsx or csv as asynchronous jobs with a row-level error report, the
 * templates to fill in, and streamed xlsx exports of any filtered list. Rows are written
 * through the base-data services, one transaction a row, within the importer's scope.
 */
package org.govgrid.exchange;
