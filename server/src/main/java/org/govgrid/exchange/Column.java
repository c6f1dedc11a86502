package org.govgrid.exchange;

import java.util.List;
import java.util.Locale;

import org.govgrid.basedata.Dicts;
import org.govgrid.platform.Masking;

/**
 * A column of a kind's sheet: the Chinese header of the template and the export, the
 * command field it fills (so a service's field error finds its way back to the column),
 * whether it must be filled, and for code columns the code table (either the code or its
 * Chinese name is accepted).
 */
public record Column(String header, String field, boolean required, Type type, String dict, List<Dicts.Entry> choices,
		String hint, List<String> aliases) {

	public enum Type {

		TEXT, ID_NUMBER, PHONE, CODE, CODES, DATE, INTEGER, DECIMAL, BOOLEAN, GRID

	}

	public static Column text(String header, String field, boolean required, String hint, String... aliases) {
		return new Column(header, field, required, Type.TEXT, null, null, hint, List.of(aliases));
	}

	/** An ID number: text in the template, masked in reports. */
	public static Column idNumber(String header, String field, boolean required, String hint, String... aliases) {
		return new Column(header, field, required, Type.ID_NUMBER, null, null, hint, List.of(aliases));
	}

	/** A phone: text in the template, masked in reports. */
	public static Column phone(String header, String field, String hint, String... aliases) {
		return new Column(header, field, false, Type.PHONE, null, null, hint, List.of(aliases));
	}

	public static Column code(String header, String field, boolean required, String dict, String... aliases) {
		return new Column(header, field, required, Type.CODE, dict, null, null, List.of(aliases));
	}

	/** A code from a fixed list the code tables do not hold. */
	public static Column choice(String header, String field, boolean required, List<Dicts.Entry> choices,
			String... aliases) {
		return new Column(header, field, required, Type.CODE, null, choices, null, List.of(aliases));
	}

	/** Several codes in one cell, separated by 、 , ; or spaces. */
	public static Column codes(String header, String field, String dict, String hint) {
		return new Column(header, field, false, Type.CODES, dict, null, hint, List.of());
	}

	public static Column date(String header, String field, boolean required, String hint) {
		return new Column(header, field, required, Type.DATE, null, null, hint, List.of());
	}

	public static Column integer(String header, String field, String hint, String... aliases) {
		return new Column(header, field, false, Type.INTEGER, null, null, hint, List.of(aliases));
	}

	public static Column decimal(String header, String field, boolean required, String hint, String... aliases) {
		return new Column(header, field, required, Type.DECIMAL, null, null, hint, List.of(aliases));
	}

	public static Column bool(String header, String field, String... aliases) {
		return new Column(header, field, false, Type.BOOLEAN, null, null, "是 / 否", List.of(aliases));
	}

	public static Column grid(String header, String field, boolean required) {
		return new Column(header, field, required, Type.GRID, null, null, "15位网格编码，如 320505006001001",
				List.of("网格编码", "网格代码"));
	}

	/** Whether the column takes codes (by code or name). */
	boolean coded() {
		return this.dict != null || this.choices != null;
	}

	/** A personal identifier, shown masked to whoever may not unmask. */
	boolean identifier() {
		return this.type == Type.ID_NUMBER || this.type == Type.PHONE;
	}

	/** The value as a masked response shows it ({@code 320***********1234}). */
	String masked(String value) {
		if (value == null || value.isBlank() || !identifier()) {
			return value;
		}
		return this.type == Type.ID_NUMBER ? Masking.idNumber(value.strip()) : Masking.phone(value.strip());
	}

	/**
	 * Whether the template keeps the column as text (so Excel leaves long digits alone).
	 */
	boolean textual() {
		return this.type != Type.DATE && this.type != Type.INTEGER && this.type != Type.DECIMAL;
	}

	/** Whether a header of an uploaded file names this column. */
	boolean matches(String header) {
		String name = normalise(header);
		return name.equals(normalise(this.header)) || this.aliases.stream().anyMatch(a -> normalise(a).equals(name));
	}

	/**
	 * A header as people write it: spaces, a required-marker {@code *} and a note in
	 * brackets ({@code 身份证号（必填）}) do not count.
	 */
	static String normalise(String header) {
		if (header == null) {
			return "";
		}
		return header.replaceAll("[\\s\\u3000]", "")
			.replaceAll("[(（\\[【].*?[)）\\]】]", "")
			.replaceAll("[*＊]", "")
			.toLowerCase(Locale.ROOT);
	}

}
