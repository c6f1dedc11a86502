package org.govgrid.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.govgrid.basedata.ThingCommand;
import org.govgrid.basedata.Things;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/** 部件 (manhole covers, hydrants, street lights, cameras, sensors) by code; located. */
@Component
class ThingsSheet implements SheetKind {

	static final Column CODE = Column.text("部件编码", "code", true, "用于识别同一部件（区分大小写）", "编码", "部件编号");

	static final Column TYPE = Column.code("部件类型", "type", true, "THING_TYPE", "类型");

	static final Column NAME = Column.text("部件名称", "name", true, null, "名称");

	static final Column ADDRESS = Column.text("地址", "address", false, null, "位置", "安装位置");

	static final Column OWNER_UNIT = Column.text("权属单位", "ownerUnit", false, null, "管理单位", "主管单位");

	static final Column LON = Column.decimal("经度", "lon", true, "WGS84/CGCS2000 经度，如 120.5312", "X坐标");

	static final Column LAT = Column.decimal("纬度", "lat", true, "WGS84/CGCS2000 纬度，如 31.2987", "Y坐标");

	static final Column STATUS = Column.code("状态", "status", false, "THING_STATUS", "部件状态");

	private static final List<Column> COLUMNS = List.of(CODE, TYPE, NAME, ADDRESS, OWNER_UNIT, LON, LAT,
			CommonColumns.GRID, STATUS);

	private final Things things;

	private final CellValues values;

	ThingsSheet(Things things, CellValues values) {
		this.things = things;
		this.values = values;
	}

	@Override
	public String kind() {
		return "things";
	}

	@Override
	public String title() {
		return "部件";
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
		return CODE;
	}

	/** Codes are compared as stored: trimmed, case kept. */
	@Override
	public String naturalKey(SheetRow row) {
		return row.text(CODE);
	}

	@Override
	public boolean save(SheetRow row, ScopedPrincipal caller) {
		ThingCommand command = new ThingCommand(row.text(CODE), row.code(TYPE), row.text(NAME), row.text(ADDRESS),
				row.text(OWNER_UNIT), row.decimal(LON), row.decimal(LAT), row.grid(CommonColumns.GRID),
				row.code(STATUS), null, null, null);
		row.throwIfProblems();
		return this.things.upsert(command, caller).created();
	}

	@Override
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		return this.things.list(filter(filters), new PageQuery(1, 1), caller).total();
	}

	@Override
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> rows) {
		this.things.forEach(filter(filters), caller, t -> rows.accept(Arrays.asList(t.code(), t.typeName(), t.name(),
				t.address(), t.ownerUnit(), t.lon(), t.lat(), this.values.gridCode(t.gridId()), t.statusName())));
	}

	private static Things.Filter filter(Map<String, String> filters) {
		return new Things.Filter(filters.get("q"), SheetKind.longFilter(filters, "gridId"), filters.get("type"),
				filters.get("status"));
	}

}
