package org.govgrid.party;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.panorama.MapFeature;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Party building on the map: an organisation at the centre of its first grid (else of its
 * region), the activities of the last 90 days where they were held, and the grids of an
 * area coloured by whether an organisation is placed in them.
 */
@Service
class PartyMap {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NamedParameterJdbcTemplate jdbc;

	private final PartyActivities activities;

	PartyMap(NamedParameterJdbcTemplate jdbc, PartyActivities activities) {
		this.jdbc = jdbc;
		this.activities = activities;
	}

	@Transactional(readOnly = true)
	List<MapFeature> organizations(DataScope area, double[] box, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		StringBuilder where = new StringBuilder(PartyScopes.organizationVisible("o", area, params));
		where.append(" and coalesce(g.center_lon, r.center_lon) is not null");
		if (box != null) {
			where.append(" and coalesce(g.center_lon, r.center_lon) between :minLon and :maxLon"
					+ " and coalesce(g.center_lat, r.center_lat) between :minLat and :maxLat");
			params.addValue("minLon", box[0])
				.addValue("minLat", box[1])
				.addValue("maxLon", box[2])
				.addValue("maxLat", box[3]);
		}
		return this.jdbc.query("""
				select o.id, o.name, o.type, coalesce(g.center_lon, r.center_lon) as lon,
				       coalesce(g.center_lat, r.center_lat) as lat,
				       (select count(*) from party_member m where m.organization_id = o.id) as member_count
				from party_organization o join region r on r.id = o.region_id
				left join party_organization_grid og on og.organization_id = o.id and og.position = 0
				left join region g on g.id = og.grid_id
				where %s order by o.id limit :limit""".formatted(where), params, (rs, n) -> {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("id", rs.getLong("id"));
			properties.put("kind", "party-organization");
			properties.put("name", rs.getString("name"));
			properties.put("type", rs.getString("type"));
			properties.put("memberCount", rs.getLong("member_count"));
			return MapFeature.point(rs.getDouble("lon"), rs.getDouble("lat"), properties);
		});
	}

	List<MapFeature> activities(DataScope area, double[] box, java.time.Instant now, int limit) {
		return this.activities.recent(area, box, now.minus(java.time.Duration.ofDays(90)), limit).stream().map(a -> {
			Map<String, Object> properties = new LinkedHashMap<>();
			properties.put("id", a.id());
			properties.put("kind", "party-activity");
			properties.put("title", a.title());
			// the name generic popups show
			properties.put("name", a.title());
			properties.put("type", a.type());
			properties.put("heldAt", a.heldAt().toString());
			properties.put("organizationName", a.organizationName());
			return MapFeature.point(a.lon(), a.lat(), properties);
		}).toList();
	}

	/**
	 * The grids of the area as polygons with {@code covered} and the organisations'
	 * names.
	 */
	@Transactional(readOnly = true)
	Map<String, Object> coverage(DataScope area) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		List<Map<String, Object>> features = new ArrayList<>();
		this.jdbc.query(
				"""
						select g.id, g.code, g.name, g.boundary,
						       (select coalesce(json_agg(o.name order by o.name), '[]') from party_organization_grid og
						        join party_organization o on o.id = og.organization_id where og.grid_id = g.id) as names
						from region g where g.level = 'GRID' and g.boundary is not null and %s order by g.code"""
					.formatted(ScopeFilter.of(area, "g.path").addTo(params)),
				params, (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					List<?> names = JSON.readValue(rs.getString("names"), List.class);
					Map<String, Object> properties = new LinkedHashMap<>();
					properties.put("id", rs.getLong("id"));
					properties.put("code", rs.getString("code"));
					properties.put("name", rs.getString("name"));
					properties.put("covered", !names.isEmpty());
					properties.put("organizationNames", names);
					Map<String, Object> feature = new LinkedHashMap<>();
					feature.put("type", "Feature");
					feature.put("geometry", JSON.readValue(rs.getString("boundary"), Map.class));
					feature.put("properties", properties);
					features.add(feature);
				});
		Map<String, Object> collection = new LinkedHashMap<>();
		collection.put("type", "FeatureCollection");
		collection.put("features", features);
		return collection;
	}

}
