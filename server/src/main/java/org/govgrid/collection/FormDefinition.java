package org.govgrid.collection;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.IdNumbers;
import org.govgrid.platform.IdentifierProtection;

/**
 * A form's fields, checked as a template (keys, options, rules) and used to check
 * answers: every bad answer is named as {@code answers.<key>}.
 */
record FormDefinition(List<FormField> fields) {

	private static final String SEALED = "sealed";

	private static final String MASKED = "masked";

	private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,39}");

	private static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

	private static final int DEFAULT_TEXT = 200;

	private static final int DEFAULT_LONG_TEXT = 2000;

	FormDefinition {
		fields = fields == null ? List.of() : List.copyOf(fields);
	}

	/** Whether the template itself makes sense. */
	FieldErrors check() {
		FieldErrors errors = new FieldErrors();
		if (this.fields.isEmpty() || this.fields.size() > 100) {
			errors.add("fields", "1 to 100 fields / 表单须有1–100个字段");
		}
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < this.fields.size(); i++) {
			FormField field = this.fields.get(i);
			String at = "fields[" + i + "].";
			if (field.key() == null || !KEY.matcher(field.key()).matches()) {
				errors.add(at + "key", "letters, digits and _ starting with a letter / 字段标识格式不正确");
			}
			else if (!keys.add(field.key())) {
				errors.add(at + "key", "used twice / 字段标识重复");
			}
			if (field.label() == null || field.label().isBlank() || field.label().length() > 100) {
				errors.add(at + "label", "1–100 characters / 字段名称必填");
			}
			if (field.type() == null) {
				errors.add(at + "type", "required / 请选择字段类型");
			}
			boolean choice = field.type() == FormField.Type.SINGLE_CHOICE
					|| field.type() == FormField.Type.MULTIPLE_CHOICE;
			if (choice
					&& (field.options().isEmpty() || new HashSet<>(field.options()).size() != field.options().size())) {
				errors.add(at + "options", "distinct options required / 请填写不重复的选项");
			}
			if (field.min() != null && field.max() != null && field.min() > field.max()) {
				errors.add(at + "min", "greater than max / 最小值大于最大值");
			}
			if (field.maxLength() != null && (field.maxLength() < 1 || field.maxLength() > DEFAULT_LONG_TEXT)) {
				errors.add(at + "maxLength", "1–2000 characters / 长度限制为1–2000");
			}
		}
		return errors;
	}

	/**
	 * The answers as stored: ID numbers and phones sealed ({@code {sealed, masked}}), so
	 * the database never holds them in clear text.
	 */
	Map<String, Object> sealed(Map<String, Object> answers, IdentifierProtection protection) {
		Map<String, Object> sealed = new java.util.LinkedHashMap<>(answers);
		for (FormField field : this.fields) {
			if (sealed.get(field.key()) instanceof String value && isIdentifier(field)) {
				IdentifierProtection.Sealed cipher = protection.seal(value);
				sealed.put(field.key(),
						Map.of(SEALED,
								cipher.keyId() + ":"
										+ java.util.Base64.getEncoder().encodeToString(cipher.cipherText()),
								MASKED, mask(field, value)));
			}
		}
		return sealed;
	}

	/** Stored answers opened again, for the collector who entered them. */
	Map<String, Object> opened(Map<String, Object> answers, IdentifierProtection protection) {
		Map<String, Object> opened = new java.util.LinkedHashMap<>(answers);
		for (FormField field : this.fields) {
			if (opened.get(field.key()) instanceof Map<?, ?> stored && stored.get(SEALED) instanceof String cipher) {
				opened.put(field.key(), protection.openText(cipher));
			}
		}
		return opened;
	}

	/**
	 * The answers with ID numbers and phones masked ({@code 320***********1234},
	 * {@code 138****5678}) for readers other than the collector.
	 */
	Map<String, Object> masked(Map<String, Object> answers) {
		Map<String, Object> masked = new java.util.LinkedHashMap<>(answers);
		for (FormField field : this.fields) {
			Object value = masked.get(field.key());
			if (value instanceof Map<?, ?> stored && stored.get(MASKED) != null) {
				masked.put(field.key(), stored.get(MASKED));
			}
			else if (value instanceof String text && isIdentifier(field)) {
				masked.put(field.key(), mask(field, text));
			}
		}
		return masked;
	}

	private static boolean isIdentifier(FormField field) {
		return field.type() == FormField.Type.ID_CARD || field.type() == FormField.Type.PHONE;
	}

	private static String mask(FormField field, String value) {
		return field.type() == FormField.Type.ID_CARD ? org.govgrid.platform.Masking.idNumber(value)
				: org.govgrid.platform.Masking.phone(value);
	}

	/** Names every answer that breaks its field's rules; unknown keys are refused too. */
	FieldErrors validate(Map<String, Object> answers) {
		FieldErrors errors = new FieldErrors();
		Map<String, Object> given = answers == null ? Map.of() : answers;
		Set<String> known = new HashSet<>();
		for (FormField field : this.fields) {
			known.add(field.key());
			Object value = given.get(field.key());
			String at = "answers." + field.key();
			if (empty(value)) {
				if (Boolean.TRUE.equals(field.required())) {
					errors.add(at, "required / 必填");
				}
				continue;
			}
			String problem = problem(field, value);
			if (problem != null) {
				errors.add(at, problem);
			}
		}
		given.keySet()
			.stream()
			.filter(key -> !known.contains(key))
			.forEach(key -> errors.add("answers." + key, "not a field of this form / 表单中没有该字段"));
		return errors;
	}

	private static String problem(FormField field, Object value) {
		return switch (field.type()) {
			case TEXT, LONG_TEXT -> {
				int limit = field.maxLength() != null ? field.maxLength()
						: field.type() == FormField.Type.TEXT ? DEFAULT_TEXT : DEFAULT_LONG_TEXT;
				yield !(value instanceof String text) ? "text expected / 须为文本"
						: text.length() > limit ? "at most " + limit + " characters / 最多" + limit + "个字符" : null;
			}
			case NUMBER -> {
				if (!(value instanceof Number number)) {
					yield "a number expected / 须为数字";
				}
				double d = number.doubleValue();
				yield field.min() != null && d < field.min() ? "at least " + field.min() + " / 不能小于" + field.min()
						: field.max() != null && d > field.max() ? "at most " + field.max() + " / 不能大于" + field.max()
								: null;
			}
			case DATETIME -> {
				try {
					OffsetDateTime.parse(String.valueOf(value));
					yield null;
				}
				catch (DateTimeParseException ex) {
					yield "ISO-8601 with offset / 须为带时区的日期时间";
				}
			}
			case SINGLE_CHOICE -> field.options().contains(value) ? null : "one of the options / 须为选项之一";
			case MULTIPLE_CHOICE ->
				value instanceof Collection<?> chosen && !chosen.isEmpty() && field.options().containsAll(chosen) ? null
						: "options of the list / 须为选项中的值";
			case LOCATION -> value instanceof Map<?, ?> point && point.get("lon") instanceof Number lon
					&& point.get("lat") instanceof Number lat && Math.abs(lon.doubleValue()) <= 180
					&& Math.abs(lat.doubleValue()) <= 90 ? null : "{lon, lat} expected / 须为经纬度";
			case PHOTO -> value instanceof Collection<?> ids && !ids.isEmpty()
					&& ids.stream().allMatch(id -> id instanceof Number) ? null : "file ids expected / 须为图片";
			case ID_CARD -> IdNumbers.valid(String.valueOf(value)) ? null : "not a valid ID number / 身份证号码无效";
			case PHONE -> PHONE.matcher(String.valueOf(value)).matches() ? null : "not a phone number / 电话号码格式不正确";
		};
	}

	/** The files the answers name, to attach them to the record. */
	List<Long> fileIds(Map<String, Object> answers) {
		return this.fields.stream()
			.filter(f -> f.type() == FormField.Type.PHOTO)
			.map(f -> answers.get(f.key()))
			.filter(v -> v instanceof Collection<?>)
			.flatMap(v -> ((Collection<?>) v).stream())
			.filter(v -> v instanceof Number)
			.map(v -> ((Number) v).longValue())
			.toList();
	}

	private static boolean empty(Object value) {
		return value == null || (value instanceof String s && s.isBlank())
				|| (value instanceof Collection<?> c && c.isEmpty());
	}

}
