package org.govgrid.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.govgrid.basedata.CreditCodes;
import org.govgrid.basedata.OrganizationCommand;
import org.govgrid.basedata.Organizations;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/** 组织 (non-public economic and social organisations) by unified social credit code. */
@Component
class OrganizationsSheet implements SheetKind {

	static final Column NAME = Column.text("单位名称", "name", true, null, "组织名称", "名称");

	static final Column KIND = Column.code("组织类别", "kind", true, "ORG_KIND", "类别");

	static final Column CREDIT_CODE = Column.text("统一社会信用代码", "creditCode", true, "18位，含校验码；用于识别同一组织", "信用代码",
			"社会信用代码");

	static final Column LEGAL_REPRESENTATIVE = Column.text("法定代表人", "legalRepresentative", false, null, "负责人");

	static final Column STAFF = Column.integer("从业人数", "staffCount", null, "员工人数");

	static final Column HAZARD = Column.code("隐患类型", "hazardType", false, "HAZARD_TYPE");

	static final Column PARTY_MEMBERS = Column.integer("党员人数", "partyMemberCount", null);

	static final Column PARTY_ORG = Column.bool("是否建立党组织", "hasPartyOrg", "建立党组织", "党组织");

	static final Column ADDRESS = Column.text("地址", "address", true, null, "单位地址", "经营地址");

	private static final List<Column> COLUMNS = List.of(NAME, KIND, CREDIT_CODE, LEGAL_REPRESENTATIVE, STAFF, HAZARD,
			PARTY_MEMBERS, PARTY_ORG, ADDRESS, CommonColumns.GRID, CommonColumns.LON, CommonColumns.LAT,
			CommonColumns.STATUS);

	private final Organizations organizations;

	private final CellValues values;

	OrganizationsSheet(Organizations organizations, CellValues values) {
		this.organizations = organizations;
		this.values = values;
	}

	@Override
	public String kind() {
		return "organizations";
	}

	@Override
	public String title() {
		return "组织";
	}

	@Override
	public String readPermission() {
		return "basedata:object:read";
	}

	@Override
	public String writePermission() {
		return "basedata:object:write";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public Column key() {
		return CREDIT_CODE;
	}

	@Override
	public String naturalKey(SheetRow row) {
		return CreditCodes.normalise(row.text(CREDIT_CODE));
	}

	@Override
	public boolean save(SheetRow row, ScopedPrincipal caller) {
		OrganizationCommand command = new OrganizationCommand(row.text(NAME), row.code(KIND), row.text(CREDIT_CODE),
				row.text(LEGAL_REPRESENTATIVE), row.integer(STAFF), row.code(HAZARD), row.integer(PARTY_MEMBERS),
				row.bool(PARTY_ORG), row.text(ADDRESS), row.grid(CommonColumns.GRID), row.decimal(CommonColumns.LON),
				row.decimal(CommonColumns.LAT), row.code(CommonColumns.STATUS), null, null, null);
		row.throwIfProblems();
		return this.organizations.upsert(command, caller).created();
	}

	@Override
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		return this.organizations.list(filter(filters), new PageQuery(1, 1), caller).total();
	}

	@Override
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> rows) {
		this.organizations.forEach(filter(filters), caller,
				o -> rows.accept(Arrays.asList(o.name(), o.kindName(), o.creditCode(), o.legalRepresentative(),
						o.staffCount(), o.hazardTypeName(), o.partyMemberCount(), o.hasPartyOrg(), o.address(),
						this.values.gridCode(o.gridId()), o.lon(), o.lat(),
						this.values.name(CommonColumns.STATUS, o.status()))));
	}

	private static Organizations.Filter filter(Map<String, String> filters) {
		return new Organizations.Filter(filters.get("q"), SheetKind.longFilter(filters, "gridId"), filters.get("kind"),
				filters.get("hazardType"));
	}

}
