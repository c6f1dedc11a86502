package org.govgrid.basedata;

import java.util.List;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names people use for the houses and places of an area — house addresses, place
 * names and place addresses — each with the grid it lies in, for other modules that
 * recognise places in text (public opinion). Nothing personal is read.
 */
@Service
public class PlaceNames {

	private final NamedParameterJdbcTemplate jdbc;

	PlaceNames(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A name and the grid of the house or place it names. */
	public record NamedSpot(String name, long gridId, String gridPath) {
	}

	/**
	 * The active houses' addresses and the active places' names and addresses at or under
	 * {@code path} (everything for ""); the caller has checked the path.
	 */
	@Transactional(readOnly = true)
	public List<NamedSpot> under(String path) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String within = ScopeFilter.at(path, "region_path", "area").addTo(params);
		return this.jdbc.query(
				"select address as name, grid_id, region_path from bd_house where status = 'ACTIVE' and " + within
						+ " union select name, grid_id, region_path from bd_place where status = 'ACTIVE' and " + within
						+ " union select address, grid_id, region_path from bd_place where status = 'ACTIVE' and "
						+ within,
				params,
				(rs, n) -> new NamedSpot(rs.getString("name"), rs.getLong("grid_id"), rs.getString("region_path")));
	}

}
