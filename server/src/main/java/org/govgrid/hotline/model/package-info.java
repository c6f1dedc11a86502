/**
 * The 12345 work order's lifecycle, its extension requests and the working-day calendar
 * as plain Java (no Spring): guarded transitions that throw on an illegal move.
 */
package org.govgrid.hotline.model;
