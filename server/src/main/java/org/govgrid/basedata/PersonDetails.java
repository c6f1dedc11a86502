package org.govgrid.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;

import org.govgrid.platform.FieldErrors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The data items of GB/T 31000-2015 and the Jiangsu resource catalogue that a person
 * carries besides the platform's own (曾用名, 籍贯, 婚姻状况...). They travel flat in the person's
 * JSON; places are GB/T 2260 codes (checked for their form: the full table is not held),
 * the rest codes of the code tables or short text. A PUT sets them all, as it does the
 * other optional fields.
 */
public record PersonDetails(String formerName, String nativePlace, String maritalStatus, String religion,
		String occupationCategory, String occupation, String registeredPlace, String currentPlace,
		String householdConsistency, String householdNumber, String householdHeadRelation) {

	static final PersonDetails NONE = new PersonDetails(null, null, null, null, null, null, null, null, null, null,
			null);

	/** A GB/T 2260 county-level code: province 11–82, then four digits. */
	private static final String PLACE = "[1-8]\\d{5}";

	/** The columns of {@code bd_person}, in the order of {@link #bind}'s parameters. */
	static final String COLUMNS = "former_name, native_place, marital_status, religion, occupation_category, occupation,"
			+ " registered_place, current_place, household_consistency, household_number, household_head_relation";

	static final String VALUES = ":formerName, :nativePlace, :maritalStatus, :religion, :occupationCategory,"
			+ " :occupation, :registeredPlace, :currentPlace, :householdConsistency, :householdNumber,"
			+ " :householdHeadRelation";

	static final String ASSIGNMENTS = "former_name = :formerName, native_place = :nativePlace,"
			+ " marital_status = :maritalStatus, religion = :religion, occupation_category = :occupationCategory,"
			+ " occupation = :occupation, registered_place = :registeredPlace, current_place = :currentPlace,"
			+ " household_consistency = :householdConsistency, household_number = :householdNumber,"
			+ " household_head_relation = :householdHeadRelation";

	static PersonDetails orNone(PersonDetails details) {
		return details == null ? NONE : details;
	}

	void check(Dicts dicts, FieldErrors errors) {
		Checks.length(errors, "formerName", this.formerName, 50);
		place(errors, "nativePlace", this.nativePlace);
		place(errors, "registeredPlace", this.registeredPlace);
		place(errors, "currentPlace", this.currentPlace);
		Checks.code(errors, dicts, "maritalStatus", "MARITAL_STATUS", this.maritalStatus, false);
		Checks.code(errors, dicts, "religion", "RELIGION", this.religion, false);
		Checks.code(errors, dicts, "occupationCategory", "OCCUPATION", this.occupationCategory, false);
		Checks.length(errors, "occupation", this.occupation, 30);
		Checks.code(errors, dicts, "householdConsistency", "HOUSEHOLD_CONSISTENCY", this.householdConsistency, false);
		if (Checks.present(this.householdNumber) && !this.householdNumber.strip().matches("[0-9A-Za-z]{1,9}")) {
			errors.add("householdNumber", "1–9 letters or digits / 户号为1–9位字母或数字");
		}
		Checks.code(errors, dicts, "householdHeadRelation", "RELATIONSHIP", this.householdHeadRelation, false);
	}

	MapSqlParameterSource bind(MapSqlParameterSource params) {
		return params.addValue("formerName", Checks.blankToNull(this.formerName))
			.addValue("nativePlace", Checks.blankToNull(this.nativePlace))
			.addValue("maritalStatus", Checks.blankToNull(this.maritalStatus))
			.addValue("religion", Checks.blankToNull(this.religion))
			.addValue("occupationCategory", Checks.blankToNull(this.occupationCategory))
			.addValue("occupation", Checks.blankToNull(this.occupation))
			.addValue("registeredPlace", Checks.blankToNull(this.registeredPlace))
			.addValue("currentPlace", Checks.blankToNull(this.currentPlace))
			.addValue("householdConsistency", Checks.blankToNull(this.householdConsistency))
			.addValue("householdNumber", Checks.blankToNull(this.householdNumber))
			.addValue("householdHeadRelation", Checks.blankToNull(this.householdHeadRelation));
	}

	static PersonDetails read(ResultSet rs) throws SQLException {
		return new PersonDetails(rs.getString("former_name"), rs.getString("native_place"),
				rs.getString("marital_status"), rs.getString("religion"), rs.getString("occupation_category"),
				rs.getString("occupation"), rs.getString("registered_place"), rs.getString("current_place"),
				rs.getString("household_consistency"), rs.getString("household_number"),
				rs.getString("household_head_relation"));
	}

	private static void place(FieldErrors errors, String field, String code) {
		if (Checks.present(code) && !code.strip().matches(PLACE)) {
			errors.add(field, "a 6-digit GB/T 2260 code such as 320505 / 应为6位行政区划代码，如 320505");
		}
	}

}
