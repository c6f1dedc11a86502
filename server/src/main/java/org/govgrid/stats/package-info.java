/**
 * Statistics (标准 7.2.2b, 7.2.9): the dashboard and the multi-dimensional reports. Each
 * event is kept as a narrow fact, updated in the event's own transaction; towns,
 * districts and the city read daily rollups of those facts, smaller areas the facts
 * themselves.
 */
package org.govgrid.stats;
