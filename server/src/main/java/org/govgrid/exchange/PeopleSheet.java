package org.govgrid.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.govgrid.basedata.People;
import org.govgrid.basedata.PersonCommand;
import org.govgrid.basedata.PersonDetails;
import org.govgrid.basedata.PersonView;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/**
 * 实有人口 by ID number. A blank phone or 重点人群 cell keeps what is stored (a report never
 * wipes an identifier); a filled 重点人群 cell is the person's list of key groups, each
 * keeping the fields already recorded for it.
 */
@Component
class PeopleSheet implements SheetKind {

	private static final String PLACE_HINT = "6位行政区划代码（GB/T 2260），如 320505";

	static final Column ID_NUMBER = PersonColumns.idNumber("身份证号码", "公民身份号码", "身份证");

	static final Column NAME = Column.text("姓名", "name", true, null);

	static final Column SEX = Column.code("性别", "sex", false, "SEX");

	static final Column ETHNICITY = Column.code("民族", "ethnicity", false, "ETHNICITY");

	static final Column BIRTH_DATE = Column.date("出生日期", "birthDate", false, "可不填，由身份证号推出");

	static final Column PHONE = PersonColumns.phone("手机号码", "联系电话", "电话");

	static final Column HOUSEHOLD_TYPE = Column.code("户籍类型", "householdType", true, "HOUSEHOLD_TYPE", "人口类型");

	static final Column REGISTERED_ADDRESS = Column.text("户籍地址", "registeredAddress", false, null, "户籍地");

	static final Column CURRENT_ADDRESS = Column.text("现住址", "currentAddress", true, null, "现居住地址", "居住地址");

	static final Column GRID = Column.grid("所属网格编码", "gridId", true);

	static final Column WORK_UNIT = Column.text("工作单位", "workUnit", false, null, "服务处所");

	static final Column POLITICAL_STATUS = Column.code("政治面貌", "politicalStatus", false, "POLITICAL_STATUS");

	static final Column EDUCATION = Column.code("学历", "education", false, "EDUCATION", "文化程度");

	static final Column STATUS = Column.code("状态", "status", false, "PERSON_STATUS", "人员状态");

	// GB/T 31000-2015 / Jiangsu resource catalogue items (PersonDetails)
	static final Column FORMER_NAME = Column.text("曾用名", "formerName", false, null);

	static final Column NATIVE_PLACE = Column.text("籍贯", "nativePlace", false, PLACE_HINT, "籍贯代码");

	static final Column MARITAL_STATUS = Column.code("婚姻状况", "maritalStatus", false, "MARITAL_STATUS");

	static final Column RELIGION = Column.code("宗教信仰", "religion", false, "RELIGION");

	static final Column OCCUPATION_CATEGORY = Column.code("职业类别", "occupationCategory", false, "OCCUPATION");

	static final Column OCCUPATION = Column.text("职业", "occupation", false, null);

	static final Column REGISTERED_PLACE = Column.text("户籍地代码", "registeredPlace", false, PLACE_HINT);

	static final Column CURRENT_PLACE = Column.text("现住地代码", "currentPlace", false, PLACE_HINT);

	static final Column HOUSEHOLD_CONSISTENCY = Column.code("人户一致标识", "householdConsistency", false,
			"HOUSEHOLD_CONSISTENCY");

	static final Column HOUSEHOLD_NUMBER = Column.text("户号", "householdNumber", false, null);

	static final Column HEAD_RELATION = Column.code("与户主关系", "householdHeadRelation", false, "RELATIONSHIP");

	static final Column KEY_GROUPS = Column.codes("重点人群", "tags", "KEY_GROUP", "可填多个，用顿号“、”分隔；社区矫正等类别的专项信息请在系统中补充");

	private static final List<Column> COLUMNS = List.of(ID_NUMBER, NAME, SEX, ETHNICITY, BIRTH_DATE, PHONE,
			HOUSEHOLD_TYPE, REGISTERED_ADDRESS, CURRENT_ADDRESS, GRID, WORK_UNIT, POLITICAL_STATUS, EDUCATION, STATUS,
			KEY_GROUPS, FORMER_NAME, NATIVE_PLACE, MARITAL_STATUS, RELIGION, OCCUPATION_CATEGORY, OCCUPATION,
			REGISTERED_PLACE, CURRENT_PLACE, HOUSEHOLD_CONSISTENCY, HOUSEHOLD_NUMBER, HEAD_RELATION);

	private static final List<Column> DETAIL_COLUMNS = List.of(FORMER_NAME, NATIVE_PLACE, MARITAL_STATUS, RELIGION,
			OCCUPATION_CATEGORY, OCCUPATION, REGISTERED_PLACE, CURRENT_PLACE, HOUSEHOLD_CONSISTENCY, HOUSEHOLD_NUMBER,
			HEAD_RELATION);

	private final People people;

	private final CellValues values;

	PeopleSheet(People people, CellValues values) {
		this.people = people;
		this.values = values;
	}

	@Override
	public String kind() {
		return "people";
	}

	@Override
	public String title() {
		return "实有人口";
	}

	@Override
	public String readPermission() {
		return "basedata:person:read";
	}

	@Override
	public String writePermission() {
		return "basedata:person:write";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public Column key() {
		return ID_NUMBER;
	}

	@Override
	public boolean save(SheetRow row, ScopedPrincipal caller) {
		String idNumber = row.text(ID_NUMBER);
		PersonCommand command = new PersonCommand(idNumber, row.text(NAME), row.code(SEX), row.code(ETHNICITY),
				row.date(BIRTH_DATE), row.text(PHONE), row.code(HOUSEHOLD_TYPE), row.text(REGISTERED_ADDRESS),
				row.text(CURRENT_ADDRESS), null, row.text(WORK_UNIT), row.code(POLITICAL_STATUS), row.code(EDUCATION),
				row.grid(GRID), null, null, row.code(STATUS), null, null, details(row, idNumber, caller),
				tags(row, idNumber, caller), null);
		row.throwIfProblems();
		return this.people.upsert(command, caller).created();
	}

	/**
	 * The row's catalogue items; a file without any of their columns (an older template)
	 * keeps what is stored.
	 */
	private PersonDetails details(SheetRow row, String idNumber, ScopedPrincipal caller) {
		if (DETAIL_COLUMNS.stream().noneMatch(row::has)) {
			return idNumber == null ? null
					: this.people.lookup(idNumber, caller).stream().findFirst().map(PersonView::details).orElse(null);
		}
		return new PersonDetails(row.text(FORMER_NAME), row.text(NATIVE_PLACE), row.code(MARITAL_STATUS),
				row.code(RELIGION), row.code(OCCUPATION_CATEGORY), row.text(OCCUPATION), row.text(REGISTERED_PLACE),
				row.text(CURRENT_PLACE), row.code(HOUSEHOLD_CONSISTENCY), row.text(HOUSEHOLD_NUMBER),
				row.code(HEAD_RELATION));
	}

	/** The cell's key groups, each with the fields already recorded for it. */
	private List<PersonCommand.Tag> tags(SheetRow row, String idNumber, ScopedPrincipal caller) {
		List<String> codes = row.codes(KEY_GROUPS);
		if (codes == null) {
			return null;
		}
		Map<String, PersonView.TagView> recorded = idNumber == null ? Map.of()
				: this.people.lookup(idNumber, caller)
					.stream()
					.flatMap(p -> p.tags().stream())
					.collect(Collectors.toMap(PersonView.TagView::tag, t -> t, (a, b) -> a));
		List<PersonCommand.Tag> tags = new ArrayList<>();
		for (String code : codes) {
			PersonView.TagView known = recorded.get(code);
			tags.add(known == null ? new PersonCommand.Tag(code, null, Map.of())
					: new PersonCommand.Tag(code, known.since(), known.details()));
		}
		return tags;
	}

	/** Errors of a tag's own fields name the key group: 社区矫正人员（correctionStart）：必填. */
	@Override
	public List<RowError> errors(int row, InvalidInputException ex) {
		List<RowError> errors = new ArrayList<>();
		for (InvalidInputException.FieldProblem problem : ex.errors()) {
			String reason = problem.message();
			if (problem.field().startsWith("tags[") && problem.field().contains(".details.")) {
				reason = problem.field().substring(problem.field().indexOf(".details.") + 9) + ": " + reason
						+ "（请在系统中补充该类别的专项信息）";
			}
			errors.add(new RowError(row, columnOf(problem.field()), reason));
		}
		return errors;
	}

	@Override
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		return this.people.list(filter(filters), new PageQuery(1, 1), caller).total();
	}

	@Override
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> rows) {
		People.Filter filter = filter(filters);
		if (unmask) {
			this.people.forEachUnmasked(filter, caller, (p, ids) -> rows.accept(cells(p, ids.idNumber(), ids.phone())));
		}
		else {
			this.people.forEach(filter, caller, p -> rows.accept(cells(p, p.idNumber(), p.phone())));
		}
	}

	private static People.Filter filter(Map<String, String> filters) {
		return new People.Filter(filters.get("q"), SheetKind.longFilter(filters, "gridId"),
				filters.get("householdType"), filters.get("tag"), filters.get("status"));
	}

	private List<Object> cells(PersonView p, String idNumber, String phone) {
		return Arrays.asList(idNumber, p.name(), p.sexName(), p.ethnicityName(), p.birthDate(), phone,
				p.householdTypeName(), p.registeredAddress(), p.currentAddress(), this.values.gridCode(p.gridId()),
				p.workUnit(), this.values.name(POLITICAL_STATUS, p.politicalStatus()),
				this.values.name(EDUCATION, p.education()), this.values.name(STATUS, p.status()),
				p.tags().stream().map(PersonView.TagView::name).collect(Collectors.joining("、")),
				p.details().formerName(), p.details().nativePlace(),
				this.values.name(MARITAL_STATUS, p.details().maritalStatus()),
				this.values.name(RELIGION, p.details().religion()),
				this.values.name(OCCUPATION_CATEGORY, p.details().occupationCategory()), p.details().occupation(),
				p.details().registeredPlace(), p.details().currentPlace(),
				this.values.name(HOUSEHOLD_CONSISTENCY, p.details().householdConsistency()),
				p.details().householdNumber(), this.values.name(HEAD_RELATION, p.details().householdHeadRelation()));
	}

}
