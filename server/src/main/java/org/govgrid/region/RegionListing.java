package org.govgrid.region;

import java.util.List;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regions under a path, for other modules that read many at once (matching place
 * names, drawing a layer per grid). The caller has checked the path against its scope.
 */
@Service
public class RegionListing {

	private final NamedParameterJdbcTemplate jdbc;

	RegionListing(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A grid with its centre point and its boundary as GeoJSON text. */
	public record GridOutline(long id, String code, String name, String path, Double centerLon, Double centerLat,
			String boundary) {
	}

	/** The region at {@code path} and every region below it, by path (all for ""). */
	@Transactional(readOnly = true)
	public List<RegionSummary> under(String path) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query(
				"select id, code, name, level, parent_id, path from region where " + within(path, params)
						+ " order by path",
				params,
				(rs, n) -> new RegionSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						RegionLevel.valueOf(rs.getString("level")), rs.getObject("parent_id", Long.class),
						rs.getString("path")));
	}

	/** The grids at or under {@code path}, by path, with centres and boundaries. */
	@Transactional(readOnly = true)
	public List<GridOutline> gridsUnder(String path) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query(
				"select id, code, name, path, center_lon, center_lat, boundary from region"
						+ " where level = 'GRID' and " + within(path, params) + " order by path",
				params,
				(rs, n) -> new GridOutline(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
						rs.getString("path"), rs.getObject("center_lon", Double.class),
						rs.getObject("center_lat", Double.class), rs.getString("boundary")));
	}

	private static String within(String path, MapSqlParameterSource params) {
		return ScopeFilter.at(path, "path", "area").addTo(params);
	}

}
