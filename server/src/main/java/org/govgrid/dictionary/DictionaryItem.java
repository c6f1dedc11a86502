package org.govgrid.dictionary;

/**
 * One code of a code table, named in both languages; a disabled code is no longer
 * accepted.
 */
public record DictionaryItem(String code, String name, String nameEn, int sort, boolean enabled, boolean system,
		String parentCode) {
}
