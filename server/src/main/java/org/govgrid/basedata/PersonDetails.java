package org.govgrid.basedata;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.govgrid.platform.FieldErrors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The data items of GB/T 31000-2015 and the Jiangsu resource catalogue that a person
 * carries besides the platform's own (曾用名, 籍贯, 婚姻状况...). They travel flat in the person's
 * JSON; places are GB/T 2260 codes (checked for their form: the full table is not held),
 * the rest codes of the code tables or short text. A PUT sets them all, as it does the
 * other optional fields. Each item is one component here and one line of {@link #FIELDS},
 * from which its column, binding, reading, check and sheet column follow
 * (docs/howto/add-a-field.md).
 */
public record PersonDetails(String formerName, String nativePlace, String maritalStatus, String religion,
		String occupationCategory, String occupation, String registeredPlace, String currentPlace,
		String householdConsistency, String householdNumber, String householdHeadRelation) {

	private static final RecordComponent[] COMPONENTS = PersonDetails.class.getRecordComponents();

	/** The items, in the order of the record's components. */
	public static final List<PersonField> FIELDS = List.of(PersonField.text("formerName", "former_name", 50, "曾用名"),
			PersonField.place("nativePlace", "native_place", "籍贯", "籍贯代码"),
			PersonField.code("maritalStatus", "marital_status", "MARITAL_STATUS", "婚姻状况"),
			PersonField.code("religion", "religion", "RELIGION", "宗教信仰"),
			PersonField.code("occupationCategory", "occupation_category", "OCCUPATION", "职业类别"),
			PersonField.text("occupation", "occupation", 30, "职业"),
			PersonField.place("registeredPlace", "registered_place", "户籍地代码"),
			PersonField.place("currentPlace", "current_place", "现住地代码"),
			PersonField.code("householdConsistency", "household_consistency", "HOUSEHOLD_CONSISTENCY", "人户一致标识"),
			PersonField.pattern("householdNumber", "household_number", "[0-9A-Za-z]{1,9}",
					"1–9 letters or digits / 户号为1–9位字母或数字", "户号"),
			PersonField.code("householdHeadRelation", "household_head_relation", "RELATIONSHIP", "与户主关系"));

	static final PersonDetails NONE = of(Map.of());

	/** The columns of {@code bd_person}, in the order of {@link #VALUES}. */
	static final String COLUMNS = FIELDS.stream().map(PersonField::column).collect(Collectors.joining(", "));

	static final String VALUES = FIELDS.stream().map(f -> ":" + f.property()).collect(Collectors.joining(", "));

	static final String ASSIGNMENTS = FIELDS.stream()
		.map(f -> f.column() + " = :" + f.property())
		.collect(Collectors.joining(", "));

	/** The items by property name; absent ones are null. */
	public static PersonDetails of(Map<String, String> values) {
		Object[] args = Arrays.stream(COMPONENTS).map(c -> values.get(c.getName())).toArray();
		try {
			Constructor<PersonDetails> canonical = PersonDetails.class.getDeclaredConstructor(
					Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new));
			return canonical.newInstance(args);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The value of one item. */
	public String value(PersonField field) {
		for (RecordComponent component : COMPONENTS) {
			if (component.getName().equals(field.property())) {
				try {
					return (String) component.getAccessor().invoke(this);
				}
				catch (ReflectiveOperationException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		throw new IllegalArgumentException("no item " + field.property());
	}

	static PersonDetails orNone(PersonDetails details) {
		return details == null ? NONE : details;
	}

	void check(Dicts dicts, FieldErrors errors) {
		for (PersonField field : FIELDS) {
			String value = value(field);
			switch (field.kind()) {
				case TEXT -> Checks.length(errors, field.property(), value, field.max());
				case CODE -> Checks.code(errors, dicts, field.property(), field.dictType(), value, false);
				case PLACE, PATTERN -> {
					if (Checks.present(value) && !value.strip().matches(field.pattern())) {
						errors.add(field.property(), field.problem());
					}
				}
			}
		}
	}

	MapSqlParameterSource bind(MapSqlParameterSource params) {
		FIELDS.forEach(field -> params.addValue(field.property(), Checks.blankToNull(value(field))));
		return params;
	}

	static PersonDetails read(ResultSet rs) throws SQLException {
		Map<String, String> values = new java.util.HashMap<>();
		for (PersonField field : FIELDS) {
			values.put(field.property(), rs.getString(field.column()));
		}
		return of(values);
	}

}
