package org.govgrid.special;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where a count belongs: a grid named by id or code, or an operator cell — a polygon
 * belongs to the grid its centre lies in, and a cell id given with its polygon is
 * remembered (table {@code crowd_cell}) so later counts may name the cell alone. Only
 * grids inside the feeding account's area are accepted. A batch's grids and cells are
 * read in two queries, not one per count.
 */
@Component
class CrowdCells {

	private static final GeometryFactory GEOMETRY = new GeometryFactory();

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	CrowdCells(NamedParameterJdbcTemplate jdbc, RegionService regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/** A cell seen with its polygon, to remember. */
	record Learnt(String cellId, long gridId, String path, double lon, double lat) {
	}

	/** The grid of one count and, for a new or moved cell, what to remember. */
	record Place(RegionSummary grid, Learnt learnt) {
	}

	/** Resolves the places of one batch. */
	Resolver resolver(List<CrowdCommands.Count> counts, DataScope scope) {
		Set<Long> ids = new HashSet<>();
		Set<String> codes = new HashSet<>();
		Set<String> cellIds = new HashSet<>();
		for (CrowdCommands.Count c : counts) {
			if (c == null) {
				continue;
			}
			if (c.gridId() != null) {
				ids.add(c.gridId());
			}
			if (c.gridCode() != null && !c.gridCode().isBlank()) {
				codes.add(c.gridCode().strip());
			}
			if (c.cellId() != null && !c.cellId().isBlank()) {
				cellIds.add(c.cellId().strip());
			}
		}
		Map<Long, RegionSummary> byId = new HashMap<>();
		Map<String, RegionSummary> byCode = new HashMap<>();
		for (RegionSummary region : this.regions.findAll(codes, ids)) {
			if (region.level() == RegionLevel.GRID && scope.covers(region.path())) {
				byId.put(region.id(), region);
				byCode.put(region.code(), region);
			}
		}
		Map<String, Long> cellGrids = new HashMap<>();
		if (!cellIds.isEmpty()) {
			this.jdbc.query("select cell_id, grid_id from crowd_cell where cell_id in (:cells)",
					new MapSqlParameterSource("cells", cellIds),
					(org.springframework.jdbc.core.RowCallbackHandler) rs -> cellGrids.put(rs.getString(1),
							rs.getLong(2)));
		}
		Set<Long> missing = new HashSet<>(cellGrids.values());
		missing.removeAll(byId.keySet());
		for (RegionSummary region : this.regions.findAll(List.of(), missing)) {
			if (scope.covers(region.path())) {
				byId.put(region.id(), region);
			}
		}
		return new Resolver(byId, byCode, cellGrids, scope);
	}

	/**
	 * Stores the cells seen with their polygons (a cell redrawn into another grid moves).
	 */
	void remember(List<Learnt> learnt) {
		if (learnt.isEmpty()) {
			return;
		}
		List<MapSqlParameterSource> rows = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Learnt l : learnt) {
			if (seen.add(l.cellId())) {
				rows.add(new MapSqlParameterSource("cell", l.cellId()).addValue("grid", l.gridId())
					.addValue("path", l.path())
					.addValue("lon", l.lon())
					.addValue("lat", l.lat()));
			}
		}
		this.jdbc.batchUpdate("""
				insert into crowd_cell (cell_id, grid_id, region_path, center_lon, center_lat)
				values (:cell, :grid, :path, :lon, :lat)
				on conflict (cell_id) do update set grid_id = excluded.grid_id, region_path = excluded.region_path,
				    center_lon = excluded.center_lon, center_lat = excluded.center_lat""",
				rows.toArray(MapSqlParameterSource[]::new));
	}

	final class Resolver {

		private final Map<Long, RegionSummary> byId;

		private final Map<String, RegionSummary> byCode;

		private final Map<String, Long> cellGrids;

		private final DataScope scope;

		Resolver(Map<Long, RegionSummary> byId, Map<String, RegionSummary> byCode, Map<String, Long> cellGrids,
				DataScope scope) {
			this.byId = byId;
			this.byCode = byCode;
			this.cellGrids = cellGrids;
			this.scope = scope;
		}

		Place place(CrowdCommands.Count c, FieldErrors errors) {
			String cellId = c.cellId() == null || c.cellId().isBlank() ? null : c.cellId().strip();
			boolean byGrid = c.gridId() != null || (c.gridCode() != null && !c.gridCode().isBlank());
			boolean byCell = cellId != null || c.polygon() != null;
			if (byGrid == byCell) {
				errors.add("gridId",
						"name a grid (gridId or gridCode) or a cell (cellId and/or polygon)" + " / 须给出网格或运营商小区之一");
				return null;
			}
			if (byGrid) {
				RegionSummary grid = c.gridId() != null ? this.byId.get(c.gridId())
						: this.byCode.get(c.gridCode().strip());
				if (grid == null) {
					errors.add(c.gridId() != null ? "gridId" : "gridCode", "no such grid in your area / 网格不存在或不在您的辖区");
				}
				else if (c.gridId() != null && c.gridCode() != null && !c.gridCode().strip().equals(grid.code())) {
					errors.add("gridCode", "is not the code of gridId / 网格编码与网格不一致");
				}
				return new Place(grid, null);
			}
			if (cellId != null && !cellId.matches("[0-9A-Za-z_-]{1,32}")) {
				errors.add("cellId", "1–32 letters, digits, '_' or '-' / 小区编号格式错误");
				return null;
			}
			if (c.polygon() == null) {
				Long gridId = this.cellGrids.get(cellId);
				RegionSummary grid = gridId == null ? null : this.byId.get(gridId);
				if (grid == null) {
					errors.add("cellId",
							"unknown cell in your area: send it once with its polygon / 小区未登记或不在您的辖区，请附多边形");
				}
				return new Place(grid, null);
			}
			Point centre = centre(c.polygon(), errors);
			if (centre == null) {
				return null;
			}
			RegionSummary grid = CrowdCells.this.regions.gridAt(centre.getX(), centre.getY())
				.filter(g -> this.scope.covers(g.path()))
				.orElse(null);
			if (grid == null) {
				errors.add("polygon", "its centre lies in none of your grids / 小区中心不在您辖区的网格内");
				return null;
			}
			return new Place(grid,
					cellId == null ? null : new Learnt(cellId, grid.id(), grid.path(), centre.getX(), centre.getY()));
		}

	}

	/**
	 * The centre of a GeoJSON Polygon's outer ring, or null (with the error) if it is
	 * none.
	 */
	static Point centre(JsonNode polygon, FieldErrors errors) {
		JsonNode ring = polygon.path("coordinates").path(0);
		if (!"Polygon".equals(polygon.path("type").asString("")) || !ring.isArray() || ring.size() < 4) {
			errors.add("polygon", "a GeoJSON Polygon / 须为 GeoJSON 多边形");
			return null;
		}
		Coordinate[] points = new Coordinate[ring.size()];
		for (int i = 0; i < ring.size(); i++) {
			JsonNode p = ring.get(i);
			if (!p.path(0).isNumber() || !p.path(1).isNumber()) {
				errors.add("polygon", "each point is [longitude, latitude] / 坐标须为[经度, 纬度]");
				return null;
			}
			points[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
		}
		if (!points[0].equals2D(points[points.length - 1])) {
			errors.add("polygon", "the ring must be closed / 多边形须闭合");
			return null;
		}
		Polygon shape = GEOMETRY.createPolygon(points);
		if (!shape.isValid()) {
			errors.add("polygon", "the ring crosses itself / 多边形自相交");
			return null;
		}
		return shape.getInteriorPoint();
	}

}
