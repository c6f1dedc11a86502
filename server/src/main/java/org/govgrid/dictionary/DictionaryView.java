package org.govgrid.dictionary;

import java.util.List;

/** A code table with every item, disabled ones included (forms offer the enabled). */
record DictionaryView(DictionaryType type, List<DictionaryItem> items) {
}
