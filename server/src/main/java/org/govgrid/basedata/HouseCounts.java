package org.govgrid.basedata;

import java.util.HashMap;
import java.util.Map;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many houses (实有房屋) are registered in each grid of an area: the households to visit.
 */
@Service
public class HouseCounts {

	private final NamedParameterJdbcTemplate jdbc;

	HouseCounts(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Houses per grid at or under {@code path} (an area the caller has checked). */
	@Transactional(readOnly = true)
	public Map<Long, Long> byGrid(String path) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query("""
				select grid_id, count(*) from bd_house
				where %s group by grid_id""".formatted(ScopeFilter.at(path, "region_path", "area").sql()),
				new MapSqlParameterSource(ScopeFilter.at(path, "region_path", "area").parameters()),
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getLong(2)));
		return counts;
	}

}
