package org.govgrid.exchange;

import java.util.List;

import org.govgrid.basedata.Dicts;

/**
 * Columns the object kinds (houses, organisations, things) share: placement and status.
 */
final class CommonColumns {

	/** Placed by the grid named, else by the location (the service decides). */
	static final Column GRID = Column.grid("所属网格编码", "gridId", false);

	static final Column LON = Column.decimal("经度", "lon", false, "WGS84/CGCS2000 经度，如 120.5312；不填网格编码时按经纬度落格");

	static final Column LAT = Column.decimal("纬度", "lat", false, "WGS84/CGCS2000 纬度，如 31.2987");

	/** Houses, places and organisations: in use, or no longer. */
	static final Column STATUS = Column.choice("状态", "status", false,
			List.of(new Dicts.Entry("ACTIVE", "在用", "Active"), new Dicts.Entry("INACTIVE", "停用", "Inactive")));

	private CommonColumns() {
	}

}
