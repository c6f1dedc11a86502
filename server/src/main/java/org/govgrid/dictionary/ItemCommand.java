package org.govgrid.dictionary;

/**
 * An item as entered. On update the code is taken from the path (a code never changes);
 * an absent {@code enabled} or {@code sort} keeps the stored value.
 */
record ItemCommand(String code, String name, String nameEn, Integer sort, Boolean enabled, String parentCode) {
}
