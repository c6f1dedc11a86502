package org.govgrid.basedata;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.platform.FieldErrors;

/**
 * The key groups (重点人群) a person can be tagged with and the fields GB/T 31000 keeps for
 * each: correction dates for 社区矫正, risk level and guardian for 严重精神障碍, and so on.
 */
final class KeyGroups {

	enum Type {

		DATE, TEXT, INT, CHOICE

	}

	record Field(String name, Type type, boolean required, Set<String> choices, int min, int max) {

		static Field date(String name, boolean required) {
			return new Field(name, Type.DATE, required, Set.of(), 0, 0);
		}

		static Field text(String name, boolean required) {
			return new Field(name, Type.TEXT, required, Set.of(), 0, 100);
		}

		static Field number(String name, boolean required, int min, int max) {
			return new Field(name, Type.INT, required, Set.of(), min, max);
		}

		static Field choice(String name, boolean required, String... choices) {
			return new Field(name, Type.CHOICE, required, Set.of(choices), 0, 0);
		}

	}

	static final Map<String, List<Field>> FIELDS = new LinkedHashMap<>();

	static {
		// the optional items after the first ones are further GB/T 31000 items of the
		// group's table
		FIELDS.put("RELEASED_PRISONER",
				List.of(Field.date("releaseDate", true), Field.text("offence", false),
						Field.choice("resettled", false, "YES", "NO"), Field.choice("recidivist", false, "YES", "NO"),
						Field.text("originalSentence", false), Field.text("prison", false)));
		FIELDS.put("COMMUNITY_CORRECTION",
				List.of(Field.date("correctionStart", true), Field.date("correctionEnd", true),
						Field.choice("correctionType", true, "SURVEILLANCE", "PROBATION", "PAROLE",
								"TEMPORARY_OUTSIDE"),
						Field.text("correctionNumber", false), Field.text("offence", false)));
		FIELDS.put("MENTAL_DISORDER",
				List.of(Field.number("riskLevel", true, 0, 5), Field.text("guardianName", true),
						Field.text("guardianRelationship", false), Field.date("firstOnset", false),
						Field.choice("incidentHistory", false, "YES", "NO")));
		FIELDS.put("DRUG_USER",
				List.of(Field.choice("controlStatus", true, "COMMUNITY_DETOX", "COMMUNITY_REHAB", "ABSTINENT",
						"RELAPSED"), Field.date("discoveredOn", false), Field.text("controllerName", false),
						Field.text("helperName", false)));
		FIELDS.put("HIV_RISK", List.of(Field.choice("followUp", false, "MONTHLY", "QUARTERLY"),
				Field.text("infectionRoute", false), Field.text("helperName", false)));
		FIELDS.put("KEY_YOUTH",
				List.of(Field.choice("youthType", true, "OUT_OF_SCHOOL", "UNEMPLOYED", "UNSUPERVISED", "MISCONDUCT",
						"LEFT_BEHIND_CHILD"), Field.text("guardianName", false), Field.text("familySituation", false),
						Field.text("helperName", false)));
		FIELDS.put("ELDERLY_ALONE", List.of(Field.choice("careLevel", false, "ROUTINE", "ATTENTION", "DAILY"),
				Field.text("contactName", false)));
		FIELDS.put("DISABLED", List.of(Field.choice("disabilityType", true, "VISUAL", "HEARING", "SPEECH", "PHYSICAL",
				"INTELLECTUAL", "MENTAL", "MULTIPLE"), Field.number("grade", true, 1, 4)));
		FIELDS.put("SUBSISTENCE",
				List.of(Field.number("householdSize", false, 1, 20), Field.number("monthlyAmount", false, 0, 100000)));
		FIELDS.put("VETERAN", List.of(Field.date("dischargeDate", false), Field.text("branch", false)));
	}

	private KeyGroups() {
	}

	static void validate(int index, String tag, Map<String, Object> details, FieldErrors errors) {
		String at = "tags[" + index + "]";
		List<Field> fields = FIELDS.get(tag);
		if (fields == null) {
			errors.add(at + ".tag", "no such key group / 重点人群类别不存在");
			return;
		}
		for (String given : details.keySet()) {
			if (fields.stream().noneMatch(f -> f.name().equals(given))) {
				errors.add(at + ".details." + given, "not a field of this group / 该人群没有此项");
			}
		}
		for (Field field : fields) {
			Object value = details.get(field.name());
			String name = at + ".details." + field.name();
			if (value == null || String.valueOf(value).isBlank()) {
				if (field.required()) {
					errors.add(name, "required / 必填");
				}
				continue;
			}
			String problem = problem(field, value);
			if (problem != null) {
				errors.add(name, problem);
			}
		}
		if (tag.equals("COMMUNITY_CORRECTION")) {
			LocalDate start = date(details.get("correctionStart"));
			LocalDate end = date(details.get("correctionEnd"));
			if (start != null && end != null && end.isBefore(start)) {
				errors.add(at + ".details.correctionEnd", "ends before it starts / 矫正结束日期早于开始日期");
			}
		}
	}

	private static String problem(Field field, Object value) {
		return switch (field.type()) {
			case DATE -> date(value) == null ? "a date like 2026-01-31 / 日期格式应为 2026-01-31" : null;
			case TEXT -> String.valueOf(value).length() > field.max() ? "too long / 过长" : null;
			case CHOICE -> field.choices().contains(String.valueOf(value)) ? null
					: "one of " + String.join(", ", field.choices().stream().sorted().toList()) + " / 取值无效";
			case INT -> {
				Integer number = value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : null;
				yield number != null && number >= field.min() && number <= field.max() ? null : "a whole number "
						+ field.min() + "–" + field.max() + " / 应为" + field.min() + "至" + field.max() + "的整数";
			}
		};
	}

	private static LocalDate date(Object value) {
		try {
			return value == null ? null : LocalDate.parse(String.valueOf(value));
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
