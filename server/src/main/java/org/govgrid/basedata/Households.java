package org.govgrid.basedata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Houses (实有房屋) as other modules need them — where a house is, who lives there, which
 * households are watched — so that no module reads basedata's tables.
 */
@Service
public class Households {

	private final NamedParameterJdbcTemplate jdbc;

	Households(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** A house's place: its grid, that grid's path, address and point. */
	public record HouseSpot(long id, String address, long gridId, String regionPath, Double lon, Double lat) {
	}

	/** The house if it lies inside {@code scope}. */
	@Transactional(readOnly = true)
	public Optional<HouseSpot> find(long houseId, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", houseId);
		return this.jdbc
			.query("select id, address, grid_id, region_path, lon, lat from bd_house h where h.id = :id and "
					+ ScopeFilter.of(scope, "h.region_path").addTo(params), params,
					(rs, n) -> new HouseSpot(rs.getLong("id"), rs.getString("address"), rs.getLong("grid_id"),
							rs.getString("region_path"), rs.getObject("lon", Double.class),
							rs.getObject("lat", Double.class)))
			.stream()
			.findFirst();
	}

	/**
	 * The houses at or under {@code areaPath} (an area the caller has checked), by id.
	 */
	@Transactional(readOnly = true)
	public List<HouseSpot> inArea(String areaPath) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		return this.jdbc.query(
				"select id, address, grid_id, region_path, lon, lat from bd_house h where "
						+ ScopeFilter.of(new DataScope(0, areaPath), "h.region_path").addTo(params) + " order by h.id",
				params,
				(rs, n) -> new HouseSpot(rs.getLong("id"), rs.getString("address"), rs.getLong("grid_id"),
						rs.getString("region_path"), rs.getObject("lon", Double.class),
						rs.getObject("lat", Double.class)));
	}

	/**
	 * The houses at or under {@code areaPath} (an area the caller has checked; empty for
	 * all) where an active resident carries the key group {@code tag} (e.g.
	 * {@code ELDERLY_ALONE}), one query.
	 */
	@Transactional(readOnly = true)
	public List<Long> withKeyGroup(String tag, String areaPath) {
		MapSqlParameterSource params = new MapSqlParameterSource("tag", tag);
		return this.jdbc.queryForList(
				"""
						select distinct p.house_id from bd_person p join bd_person_tag t on t.person_id = p.id
						where t.tag = :tag and p.house_id is not null and p.status = 'ACTIVE' and """
						+ ScopeFilter.of(new DataScope(0, areaPath), "p.region_path").addTo(params),
				params, Long.class);
	}

	/**
	 * How many active residents are registered in each house at or under {@code areaPath}
	 * (an area the caller has checked; absent: none), one query.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> residentsIn(String areaPath) {
		Map<Long, Integer> counts = new HashMap<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.jdbc.query("select p.house_id, count(*) from bd_person p where p.house_id is not null"
				+ " and p.status = 'ACTIVE' and "
				+ ScopeFilter.of(new DataScope(0, areaPath), "p.region_path").addTo(params) + " group by p.house_id",
				params, (RowCallbackHandler) rs -> counts.put(rs.getLong(1), rs.getInt(2)));
		return counts;
	}

}
