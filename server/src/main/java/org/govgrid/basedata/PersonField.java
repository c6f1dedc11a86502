package org.govgrid.basedata;

import java.util.List;

/**
 * One catalogue item a person carries ({@link PersonDetails}): the JSON property (also
 * the record component's name), its column in {@code bd_person}, how it is checked, and
 * how a sheet names it. {@link PersonDetails#FIELDS} lists them all; SQL, binding,
 * reading, checks and the import/export columns are derived from that list.
 *
 * @param property the JSON property and record component
 * @param column the column of {@code bd_person}
 * @param kind how the value is checked
 * @param max the longest text (TEXT)
 * @param dictType the code table (CODE)
 * @param pattern the form the value must have (PATTERN)
 * @param problem the bilingual message when the form is wrong (PATTERN, PLACE)
 * @param label the sheet header (zh-CN)
 * @param hint the sheet's hint under the header, or null
 * @param aliases other headers a sheet may use
 */
public record PersonField(String property, String column, Kind kind, int max, String dictType, String pattern,
		String problem, String label, String hint, List<String> aliases) {

	/** How a value is checked. */
	public enum Kind {

		/** Short text of at most {@code max} characters. */
		TEXT,
		/** A code of the code table {@code dictType}. */
		CODE,
		/** A GB/T 2260 county-level code (its form only: the full table is not held). */
		PLACE,
		/** Text matching {@code pattern}. */
		PATTERN

	}

	private static final String PLACE_FORM = "[1-8]\\d{5}";

	private static final String PLACE_PROBLEM = "a 6-digit GB/T 2260 code such as 320505 / 应为6位行政区划代码，如 320505";

	private static final String PLACE_HINT = "6位行政区划代码（GB/T 2260），如 320505";

	static PersonField text(String property, String column, int max, String label, String... aliases) {
		return new PersonField(property, column, Kind.TEXT, max, null, null, null, label, null, List.of(aliases));
	}

	static PersonField code(String property, String column, String dictType, String label, String... aliases) {
		return new PersonField(property, column, Kind.CODE, 0, dictType, null, null, label, null, List.of(aliases));
	}

	static PersonField place(String property, String column, String label, String... aliases) {
		return new PersonField(property, column, Kind.PLACE, 6, null, PLACE_FORM, PLACE_PROBLEM, label, PLACE_HINT,
				List.of(aliases));
	}

	static PersonField pattern(String property, String column, String pattern, String problem, String label,
			String... aliases) {
		return new PersonField(property, column, Kind.PATTERN, 0, null, pattern, problem, label, null,
				List.of(aliases));
	}

}
