package org.govgrid.basedata;

/**
 * A base-data record was created, changed or removed (published inside the writing
 * transaction; the search index follows after commit). {@code regionPath}: where a
 * removed record was (null when the publisher does not say).
 */
public record BaseDataChanged(BaseDataKind kind, long id, boolean removed, String regionPath) {

	public BaseDataChanged(BaseDataKind kind, long id, boolean removed) {
		this(kind, id, removed, null);
	}

}
