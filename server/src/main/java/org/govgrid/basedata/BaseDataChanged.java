package org.govgrid.basedata;

/**
 * A base-data record was created, changed or removed (published inside the writing
 * transaction; the search index follows after commit).
 */
public record BaseDataChanged(BaseDataKind kind, long id, boolean removed) {
}
