package org.govgrid.dictionary;

import java.time.OffsetDateTime;

/**
 * A code table. {@code system}: seeded by a migration, its item codes fixed;
 * {@code closed}: the program acts on each code, so only names and order may change;
 * {@code version} is bumped on every change.
 */
public record DictionaryType(String code, String name, String nameEn, boolean system, boolean closed, int version,
		OffsetDateTime updatedAt) {
}
