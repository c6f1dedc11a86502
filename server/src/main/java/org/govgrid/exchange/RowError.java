package org.govgrid.exchange;

/**
 * A bad cell of an import: the row as the sheet numbers it, the column's header and why.
 */
public record RowError(int row, String column, String reason) {
}
