package org.govgrid.collection;

import java.util.List;

/**
 * One field of a form: its key in the answers, its label, its type and its rules.
 */
record FormField(String key, String label, Type type, Boolean required, List<String> options, Double min, Double max,
		Integer maxLength) {

	FormField {
		options = options == null ? List.of() : List.copyOf(options);
		required = Boolean.TRUE.equals(required);
	}

	enum Type {

		TEXT, LONG_TEXT, NUMBER, DATETIME, SINGLE_CHOICE, MULTIPLE_CHOICE, LOCATION, PHOTO, ID_CARD, PHONE

	}

}
