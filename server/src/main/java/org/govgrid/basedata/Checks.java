package org.govgrid.basedata;

import java.time.LocalDate;
import java.util.List;

import org.govgrid.platform.FieldErrors;

/** Field checks shared by the base-data services; each names the field it rejects. */
final class Checks {

	/** The lifecycle of houses, places and organisations: in use, or no longer. */
	static final List<String> OBJECT_STATUSES = List.of("ACTIVE", "INACTIVE");

	private Checks() {
	}

	/** A required text of at most {@code max} characters (after trimming). */
	static void required(FieldErrors errors, String field, String value, int max) {
		if (value == null || value.isBlank() || value.strip().length() > max) {
			errors.add(field, "1–" + max + " characters / 必填，最长" + max + "字");
		}
	}

	static void length(FieldErrors errors, String field, String value, int max) {
		if (value != null && value.strip().length() > max) {
			errors.add(field, "at most " + max + " characters / 最长" + max + "字");
		}
	}

	static void code(FieldErrors errors, Dicts dicts, String field, String type, String code, boolean required) {
		if (code == null || code.isBlank()) {
			if (required) {
				errors.add(field, "required, a code of " + type + " / 必填");
			}
		}
		else if (!dicts.has(type, code)) {
			errors.add(field, "not a code of " + type + " / 代码无效");
		}
	}

	static void oneOf(FieldErrors errors, String field, String value, List<String> allowed) {
		if (value != null && !allowed.contains(value)) {
			errors.add(field, "one of " + String.join(", ", allowed) + " / 取值无效");
		}
	}

	static void notNegative(FieldErrors errors, String field, Number value) {
		if (value != null && value.doubleValue() < 0) {
			errors.add(field, "must not be negative / 不能为负数");
		}
	}

	/** Dates a record may carry: year 0 or 9999 is a slip or an attack, not a date. */
	static final LocalDate EARLIEST = LocalDate.of(1800, 1, 1);

	static final LocalDate LATEST = LocalDate.of(2199, 12, 31);

	static void validity(FieldErrors errors, LocalDate from, LocalDate to) {
		plausible(errors, "validFrom", from);
		plausible(errors, "validTo", to);
		if (from != null && to != null && to.isBefore(from)) {
			errors.add("validTo", "before validFrom / 失效日期早于生效日期");
		}
	}

	static void plausible(FieldErrors errors, String field, LocalDate date) {
		if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
			errors.add(field, "must lie between 1800 and 2199 / 日期须在 1800 年至 2199 年之间");
		}
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static boolean present(String value) {
		return value != null && !value.isBlank();
	}

	/**
	 * A {@code LIKE} pattern finding {@code q} anywhere, its wildcards taken literally.
	 */
	static String contains(String q) {
		return "%" + q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
