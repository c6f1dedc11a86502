package org.govgrid.party;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.govgrid.basedata.Dicts;
import org.govgrid.exchange.Column;
import org.govgrid.exchange.PersonColumns;
import org.govgrid.exchange.SheetKind;
import org.govgrid.exchange.SheetRow;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Component;

/**
 * 党员 as a sheet for exchange's import ({@code kind=PARTY_MEMBERS} or
 * {@code party-members}) and export ({@code /api/v1/exports/party-members.xlsx} with the
 * list's filters), by ID number; the organisation by its code. A blank phone keeps the
 * stored one.
 */
@Component
class PartyMembersSheet implements SheetKind {

	static final Column ID_NUMBER = PersonColumns.idNumber("公民身份号码");

	static final Column NAME = Column.text("姓名", "name", true, null);

	static final Column GENDER = Column.code("性别", "gender", false, "SEX");

	static final Column PHONE = PersonColumns.phone("联系电话");

	static final Column ORGANIZATION = Column.text("所属党组织编码", "organizationId", true,
			"党组织列表中的编码，如 DZB320505006001" + "00001", "党组织编码");

	static final Column STATUS = Column.choice("党员状态", "status", true,
			Arrays.stream(MemberStatus.values()).map(s -> new Dicts.Entry(s.name(), s.label(), null)).toList(), "状态");

	static final Column JOINED_ON = Column.date("入党日期", "joinedOn", false, "如 2015-07-01");

	static final Column GRID = Column.grid("所属网格编码", "gridId", false);

	static final Column DUAL_REPORT = Column.bool("双报到", "dualReport", "在职党员到社区报到");

	private static final List<Column> COLUMNS = List.of(ID_NUMBER, NAME, GENDER, PHONE, ORGANIZATION, STATUS, JOINED_ON,
			GRID, DUAL_REPORT);

	private final PartyMembers members;

	private final PartyOrganizations organizations;

	private final RegionService regions;

	PartyMembersSheet(PartyMembers members, PartyOrganizations organizations, RegionService regions) {
		this.members = members;
		this.organizations = organizations;
		this.regions = regions;
	}

	@Override
	public String kind() {
		return "party-members";
	}

	@Override
	public String title() {
		return "党员";
	}

	@Override
	public String readPermission() {
		return "party:member:read";
	}

	@Override
	public String writePermission() {
		return "party:member:manage";
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
		String code = row.text(ORGANIZATION);
		Long organizationId = code == null ? null : this.organizations.idOfCode(code).orElse(null);
		if (code != null && organizationId == null) {
			row.problem(ORGANIZATION, "no organisation has this code / 党组织编码不存在");
		}
		MemberCommand command = new MemberCommand(row.text(NAME), row.code(GENDER), row.text(ID_NUMBER),
				row.text(PHONE), organizationId, row.code(STATUS), row.date(JOINED_ON), row.grid(GRID),
				row.bool(DUAL_REPORT), null);
		row.throwIfProblems();
		return this.members.upsert(command, caller);
	}

	@Override
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		return this.members.count(filter(filters), caller);
	}

	@Override
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> rows) {
		// codes looked up once per export
		Map<Long, String> grids = new ConcurrentHashMap<>();
		Map<Long, String> codes = new ConcurrentHashMap<>();
		this.members
			.forEach(filter(filters), unmask, caller,
					(m, ids) -> rows.accept(Arrays.asList(ids.idNumber(), m.name(), "1".equals(m.gender()) ? "男" : "女",
							ids.phone(),
							codes.computeIfAbsent(m.organizationId(),
									id -> this.organizations.codeOf(id).orElse(String.valueOf(id))),
							MemberStatus.valueOf(m.status()).label(), m.joinedOn(),
							m.gridId() == null ? null : grids.computeIfAbsent(m.gridId(),
									id -> this.regions.find(id).map(RegionSummary::code).orElse(String.valueOf(id))),
							m.dualReport() ? "是" : "否")));
	}

	private static MemberQueries.Filter filter(Map<String, String> filters) {
		String placed = filters.get("placed");
		return new MemberQueries.Filter(SheetKind.longFilter(filters, "organizationId"),
				SheetKind.longFilter(filters, "gridId"), SheetKind.longFilter(filters, "regionId"),
				filters.get("status"), filters.get("keyword"),
				placed == null || placed.isBlank() ? null : Boolean.valueOf(placed.strip()));
	}

}
