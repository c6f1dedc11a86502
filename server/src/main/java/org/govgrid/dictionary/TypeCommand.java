package org.govgrid.dictionary;

/** A new code table (not a system one): its code is fixed once created. */
record TypeCommand(String code, String name, String nameEn) {
}
