package org.govgrid.exchange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.govgrid.basedata.People;
import org.govgrid.basedata.PersonCommand;
import org.govgrid.basedata.PersonDetails;
import org.govgrid.basedata.PersonField;
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

	static final Column KEY_GROUPS = Column.codes("重点人群", "tags", "KEY_GROUP", "可填多个，用顿号“、”分隔；社区矫正等类别的专项信息请在系统中补充");

	/**
	 * GB/T 31000-2015 / Jiangsu resource catalogue items, one per
	 * {@link PersonDetails#FIELDS}.
	 */
	private static final List<Column> DETAIL_COLUMNS = PersonDetails.FIELDS.stream().map(PeopleSheet::column).toList();

	private static final List<Column> COLUMNS = java.util.stream.Stream
		.concat(Stream.of(ID_NUMBER, NAME, SEX, ETHNICITY, BIRTH_DATE, PHONE, HOUSEHOLD_TYPE, REGISTERED_ADDRESS,
				CURRENT_ADDRESS, GRID, WORK_UNIT, POLITICAL_STATUS, EDUCATION, STATUS, KEY_GROUPS),
				DETAIL_COLUMNS.stream())
		.toList();

	private static Column column(PersonField field) {
		String[] aliases = field.aliases().toArray(String[]::new);
		return field.kind() == PersonField.Kind.CODE
				? Column.code(field.label(), field.property(), false, field.dictType(), aliases)
				: Column.text(field.label(), field.property(), false, field.hint(), aliases);
	}

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
		PersonCommand command = PersonCommand.builder()
			.idNumber(idNumber)
			.name(row.text(NAME))
			.sex(row.code(SEX))
			.ethnicity(row.code(ETHNICITY))
			.birthDate(row.date(BIRTH_DATE))
			.phone(row.text(PHONE))
			.householdType(row.code(HOUSEHOLD_TYPE))
			.registeredAddress(row.text(REGISTERED_ADDRESS))
			.currentAddress(row.text(CURRENT_ADDRESS))
			.workUnit(row.text(WORK_UNIT))
			.politicalStatus(row.code(POLITICAL_STATUS))
			.education(row.code(EDUCATION))
			.gridId(row.grid(GRID))
			.status(row.code(STATUS))
			.details(details(row, idNumber, caller))
			.tags(tags(row, idNumber, caller))
			.build();
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
		Map<String, String> values = new java.util.HashMap<>();
		for (Column column : DETAIL_COLUMNS) {
			values.put(column.field(), column.type() == Column.Type.CODE ? row.code(column) : row.text(column));
		}
		return PersonDetails.of(values);
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
		List<Object> cells = new ArrayList<>(Arrays.asList(idNumber, p.name(), p.sexName(), p.ethnicityName(),
				p.birthDate(), phone, p.householdTypeName(), p.registeredAddress(), p.currentAddress(),
				this.values.gridCode(p.gridId()), p.workUnit(), this.values.name(POLITICAL_STATUS, p.politicalStatus()),
				this.values.name(EDUCATION, p.education()), this.values.name(STATUS, p.status()),
				p.tags().stream().map(PersonView.TagView::name).collect(Collectors.joining("、"))));
		for (int i = 0; i < DETAIL_COLUMNS.size(); i++) {
			Column column = DETAIL_COLUMNS.get(i);
			String value = p.details().value(PersonDetails.FIELDS.get(i));
			cells.add(column.type() == Column.Type.CODE ? this.values.name(column, value) : value);
		}
		return cells;
	}

}
