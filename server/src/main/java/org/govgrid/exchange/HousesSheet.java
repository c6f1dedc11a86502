package org.govgrid.exchange;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.govgrid.basedata.HouseCommand;
import org.govgrid.basedata.Houses;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/**
 * 实有房屋 by address. A blank 是否出租 keeps what is stored (adding a tenant sets it).
 */
@Component
class HousesSheet implements SheetKind {

	static final Column ADDRESS = Column.text("房屋地址", "address", true, "完整地址，用于识别同一房屋（忽略空格和全角半角差别）", "地址", "详细地址");

	static final Column BUILDING = Column.text("楼栋", "building", false, null, "幢", "栋");

	static final Column UNIT = Column.text("单元", "unit", false, null);

	static final Column ROOM = Column.text("房号", "room", false, null, "室", "房间号");

	static final Column USE = Column.code("房屋用途", "use", true, "HOUSE_USE", "用途");

	static final Column AREA = Column.decimal("面积", "area", false, "平方米", "建筑面积");

	static final Column OWNER = Column.text("产权人", "ownerName", false, null, "房主", "业主");

	static final Column RENTED = Column.bool("是否出租", "rented", "出租");

	private static final List<Column> COLUMNS = List.of(ADDRESS, BUILDING, UNIT, ROOM, USE, AREA, OWNER, RENTED,
			CommonColumns.GRID, CommonColumns.LON, CommonColumns.LAT, CommonColumns.STATUS);

	private final Houses houses;

	private final CellValues values;

	HousesSheet(Houses houses, CellValues values) {
		this.houses = houses;
		this.values = values;
	}

	@Override
	public String kind() {
		return "houses";
	}

	@Override
	public String title() {
		return "实有房屋";
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
		return ADDRESS;
	}

	/**
	 * As the house service compares addresses: NFKC (full-width made half-width), no
	 * spaces.
	 */
	@Override
	public String naturalKey(SheetRow row) {
		String address = row.text(ADDRESS);
		return address == null ? null
				: Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("[\\s\\p{Z}]+", "");
	}

	@Override
	public boolean save(SheetRow row, ScopedPrincipal caller) {
		HouseCommand command = new HouseCommand(row.text(ADDRESS), row.text(BUILDING), row.text(UNIT), row.text(ROOM),
				row.code(USE), row.number(AREA), row.text(OWNER), row.bool(RENTED), row.grid(CommonColumns.GRID),
				row.decimal(CommonColumns.LON), row.decimal(CommonColumns.LAT), row.code(CommonColumns.STATUS), null,
				null, null);
		row.throwIfProblems();
		return this.houses.upsert(command, caller).created();
	}

	@Override
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		return this.houses.list(filter(filters), new PageQuery(1, 1), caller).total();
	}

	@Override
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> rows) {
		this.houses.forEach(filter(filters), caller,
				h -> rows.accept(Arrays.asList(h.address(), h.building(), h.unit(), h.room(), h.useName(), h.area(),
						h.ownerName(), h.rented(), this.values.gridCode(h.gridId()), h.lon(), h.lat(),
						this.values.name(CommonColumns.STATUS, h.status()))));
	}

	private static Houses.Filter filter(Map<String, String> filters) {
		String rented = filters.get("rented");
		if (rented != null && !rented.isBlank() && !rented.equals("true") && !rented.equals("false")) {
			throw new InvalidInputException("rented", "true or false / 应为 true 或 false");
		}
		return new Houses.Filter(filters.get("q"), SheetKind.longFilter(filters, "gridId"), filters.get("use"),
				rented == null || rented.isBlank() ? null : Boolean.valueOf(rented));
	}

}
