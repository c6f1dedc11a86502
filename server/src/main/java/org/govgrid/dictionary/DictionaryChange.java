package org.govgrid.dictionary;

import java.time.OffsetDateTime;

/** One change of a code table: who, when, what it was and what it became (JSON text). */
record DictionaryChange(long id, String itemCode, String action, int version, String before, String after,
		String changedBy, OffsetDateTime changedAt) {
}
