package org.govgrid.basedata;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Places a record in a grid: the grid named, else the grid of its house, else the grid
 * its location falls in; always inside the caller's scope.
 */
@Component
class Placement {

	private final RegionService regions;

	private final NamedParameterJdbcTemplate jdbc;

	Placement(RegionService regions, NamedParameterJdbcTemplate jdbc) {
		this.regions = regions;
		this.jdbc = jdbc;
	}

	/** The grid, or {@code null} with the reason added to {@code errors}. */
	RegionSummary grid(Long gridId, Long houseId, Double lon, Double lat, ScopedPrincipal caller, FieldErrors errors) {
		if (gridId != null) {
			RegionSummary grid = this.regions.find(gridId)
				.filter(g -> g.level() == RegionLevel.GRID && caller.scope().covers(g.path()))
				.orElse(null);
			if (grid == null) {
				errors.add("gridId", "no such grid in your area / 网格不存在或不在您的辖区");
			}
			return grid;
		}
		if (houseId != null) {
			Long houseGrid = this.jdbc
				.queryForList("select grid_id from bd_house where id = :id", new MapSqlParameterSource("id", houseId),
						Long.class)
				.stream()
				.findFirst()
				.orElse(null);
			RegionSummary grid = houseGrid == null ? null
					: this.regions.find(houseGrid).filter(g -> caller.scope().covers(g.path())).orElse(null);
			if (grid == null) {
				errors.add("houseId", "no such house in your area / 房屋不存在或不在您的辖区");
			}
			return grid;
		}
		if (lon != null && lat != null) {
			RegionSummary grid = this.regions.gridAt(lon, lat)
				.filter(g -> caller.scope().covers(g.path()))
				.orElse(null);
			if (grid == null) {
				errors.add("lon", "the location is in none of your grids / 位置不在您辖区的网格内");
			}
			return grid;
		}
		errors.add("gridId", "name a grid, a house or a location / 请指定所属网格、房屋或位置");
		return null;
	}

	/** Whether a record of {@code kind} exists inside the caller's scope. */
	boolean visible(BaseDataKind kind, long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return !this.jdbc
			.queryForList("select 1 from " + kind.table() + " r where r.id = :id and "
					+ ScopeFilter.of(caller.scope(), "r.region_path").addTo(params), params, Integer.class)
			.isEmpty();
	}

	static void checkLocation(Double lon, Double lat, FieldErrors errors) {
		if ((lon == null) != (lat == null)) {
			errors.add(lon == null ? "lon" : "lat", "give both longitude and latitude / 经纬度须同时提供");
		}
		if (lon != null && (lon < 73 || lon > 136)) {
			errors.add("lon", "longitude out of range / 经度超出范围");
		}
		if (lat != null && (lat < 3 || lat > 54)) {
			errors.add("lat", "latitude out of range / 纬度超出范围");
		}
	}

}
