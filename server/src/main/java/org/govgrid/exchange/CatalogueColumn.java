package org.govgrid.exchange;

import java.util.function.Function;

/**
 * One data item of a catalogue table, in the catalogue's order: its Chinese name, where
 * we keep it ({@code null}: we do not, and the export leaves the column blank), its type
 * and length, whether the catalogue requires it, its code table, and how a record gives
 * its cell (codes as codes, dates as YYYYMMDD).
 */
record CatalogueColumn<T>(String name, String field, String type, boolean required, String codes,
		Function<T, Object> value) {

	static <T> CatalogueColumn<T> held(String name, String field, String type, boolean required, String codes,
			Function<T, Object> value) {
		return new CatalogueColumn<>(name, field, type, required, codes, value);
	}

	/** An item of the catalogue we do not keep. */
	static <T> CatalogueColumn<T> missing(String name, String type, String codes) {
		return new CatalogueColumn<>(name, null, type, false, codes, record -> null);
	}

	boolean isHeld() {
		return this.field != null;
	}

}
