package org.govgrid.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.IdNumbers;
import org.govgrid.platform.IdentifierProtection;

/**
 * A checked search: the text (1–100 characters), the types asked for (all when none) and
 * the hits wanted per type (1–50, default 10). Every bad field is named at once.
 */
record SearchRequest(String q, Set<SearchType> types, int size) {

	static final int MAX_LENGTH = 100;

	static final int DEFAULT_SIZE = 10;

	static final int MAX_SIZE = 50;

	/** GB 11643 ID number: 17 digits and a check character. */
	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

	/** The phone forms {@code People} accepts: a mobile or a landline with area code. */
	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	/**
	 * {@code types} may be a comma-separated text (query string) or a list of texts (JSON
	 * body).
	 */
	static SearchRequest of(String q, Object types, Integer size) {
		FieldErrors errors = new FieldErrors();
		String text = q == null ? "" : q.strip();
		if (text.isEmpty()) {
			errors.add("q", "required / 请输入检索内容");
		}
		else if (text.length() > MAX_LENGTH) {
			errors.add("q", "at most " + MAX_LENGTH + " characters / 最长" + MAX_LENGTH + "字");
		}
		Set<SearchType> chosen = EnumSet.noneOf(SearchType.class);
		List<String> unknown = new ArrayList<>();
		for (String code : codes(types, errors)) {
			SearchType.ofCode(code).ifPresentOrElse(chosen::add, () -> unknown.add(code));
		}
		if (!unknown.isEmpty()) {
			errors.add("types", "unknown " + String.join(", ", unknown)
					+ "; use people, houses, organizations, places, things, events / 检索类型无效");
		}
		if (size != null && (size < 1 || size > MAX_SIZE)) {
			errors.add("size", "1–" + MAX_SIZE + " / 每类条数须为1–" + MAX_SIZE);
		}
		errors.throwIfAny();
		return new SearchRequest(text, chosen.isEmpty() ? EnumSet.allOf(SearchType.class) : chosen,
				size == null ? DEFAULT_SIZE : size);
	}

	private static List<String> codes(Object types, FieldErrors errors) {
		List<String> codes = new ArrayList<>();
		if (types instanceof String text) {
			for (String part : text.split(",")) {
				if (!part.isBlank()) {
					codes.add(part.strip());
				}
			}
		}
		else if (types instanceof Collection<?> list) {
			for (Object item : list) {
				if (item instanceof String code && !code.isBlank()) {
					codes.add(code.strip());
				}
				else {
					codes.add(String.valueOf(item));
				}
			}
		}
		else if (types != null) {
			errors.add("types", "a list of types / 检索类型应为列表");
		}
		return codes;
	}

	/**
	 * A valid ID number (check character and birth date), not merely 18 characters: a
	 * unified social credit code of the same length is searched as text.
	 */
	boolean isIdNumber() {
		return ID_NUMBER.matcher(this.q).matches() && IdNumbers.valid(IdentifierProtection.normalise(this.q));
	}

	boolean isPhone() {
		return PHONE.matcher(this.q).matches();
	}

	/** Whitespace-separated parts; each must match somewhere in a hit. */
	List<String> terms() {
		return List.of(this.q.split("\\s+"));
	}

}
