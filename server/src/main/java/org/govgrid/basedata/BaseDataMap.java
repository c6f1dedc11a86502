package org.govgrid.basedata;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Base data as the panoramic map and the grid profile see it: located points of each kind
 * (people gathered by the house they live in) and a grid's tallies. Identifiers appear
 * masked only.
 */
@Service
@Transactional(readOnly = true)
public class BaseDataMap {

	/** A map box: {@code minLon, minLat, maxLon, maxLat}; {@code null} for everywhere. */
	public record Box(double minLon, double minLat, double maxLon, double maxLat) {
	}

	/** A located record; {@code extra} carries kind-specific properties. */
	public record Point(long id, String name, String status, long gridId, double lon, double lat,
			Map<String, Object> extra) {
	}

	public record KeyPerson(long id, String name, String idNumber, List<String> tags) {
	}

	public record Tally(String code, String name, long count) {
	}

	/** A grid's (or area's) base data in numbers, and its key people. */
	public record Overview(long people, long houses, long rentedHouses, long places, long organizations, long things,
			long disputesOpen, List<Tally> byHousehold, List<Tally> byTag, List<Tally> byThingType,
			List<KeyPerson> keyPeople) {
	}

	private final NamedParameterJdbcTemplate jdbc;

	private final Dicts dicts;

	BaseDataMap(NamedParameterJdbcTemplate jdbc, Dicts dicts) {
		this.jdbc = jdbc;
		this.dicts = dicts;
	}

	/** Up to {@code limit} located records of a kind inside the scope and the box. */
	public List<Point> points(BaseDataKind kind, DataScope area, Box box, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		String name = switch (kind) {
			case HOUSE -> "r.address";
			case THING -> "r.name || '（' || r.code || '）'";
			case DISPUTE -> "r.title";
			default -> "r.name";
		};
		String extra = switch (kind) {
			case HOUSE -> "r.house_use as kind_type, r.rented";
			case PLACE -> "r.place_type as kind_type, r.hazard_level";
			case ORGANIZATION -> "r.org_kind as kind_type, r.hazard_type";
			case THING -> "r.thing_type as kind_type, r.code";
			case DISPUTE -> "r.dispute_type as kind_type, r.scale";
			case PERSON -> throw new IllegalArgumentException("people are shown by house");
		};
		return this.jdbc.query("select r.id, " + name + " as name, r.status, r.grid_id, r.lon, r.lat, " + extra
				+ " from " + kind.table() + " r where " + Scopes.within("r", area, params) + " and r.lon is not null"
				+ inBox("r", box, params) + " order by r.id limit :limit", params, (rs, n) -> {
					Map<String, Object> properties = new LinkedHashMap<>();
					for (int i = 7; i <= rs.getMetaData().getColumnCount(); i++) {
						properties.put(camel(rs.getMetaData().getColumnLabel(i)), rs.getObject(i));
					}
					return new Point(rs.getLong("id"), rs.getString("name"), rs.getString("status"),
							rs.getLong("grid_id"), rs.getDouble("lon"), rs.getDouble("lat"), properties);
				});
	}

	/**
	 * Houses with the number of active people living there (and how many of them belong
	 * to a key group), inside the scope and the box.
	 */
	public List<Point> peopleByHouse(DataScope area, Box box, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
		return this.jdbc.query(
				"""
						select h.id, h.address, h.status, h.grid_id, h.lon, h.lat, count(*) as people,
						       count(*) filter (where exists (select 1 from bd_person_tag t where t.person_id = p.id)) as key_people
						from bd_person p join bd_house h on h.id = p.house_id
						where p.status = 'ACTIVE' and h.lon is not null and %s%s
						group by h.id order by h.id limit :limit"""
					.formatted(Scopes.within("p", area, params), inBox("h", box, params)),
				params,
				(rs, n) -> new Point(rs.getLong("id"), rs.getString("address"), rs.getString("status"),
						rs.getLong("grid_id"), rs.getDouble("lon"), rs.getDouble("lat"),
						Map.of("houseId", rs.getLong("id"), "count", rs.getLong("people"), "keyCount",
								rs.getLong("key_people"))));
	}

	public Overview overview(DataScope area, int keyPeople) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", keyPeople);
		String person = Scopes.within("p", area, params);
		String house = Scopes.within("h", area, params);
		Map<String, Object> counts = this.jdbc.queryForMap(
				"""
						select (select count(*) from bd_person p where p.status = 'ACTIVE' and %1$s) as people,
						       (select count(*) from bd_house h where %2$s) as houses,
						       (select count(*) from bd_house h where h.rented and %2$s) as rented,
						       (select count(*) from bd_place h where %2$s) as places,
						       (select count(*) from bd_organization h where %2$s) as organizations,
						       (select count(*) from bd_thing h where %2$s) as things,
						       (select count(*) from bd_dispute h where h.status in ('OPEN', 'MEDIATING') and %2$s) as disputes"""
					.formatted(person, house),
				params);
		List<Tally> byHousehold = tallies("""
				select p.household_type as code, count(*) as n from bd_person p
				where p.status = 'ACTIVE' and %s group by 1 order by 2 desc""".formatted(person), params,
				"HOUSEHOLD_TYPE");
		List<Tally> byTag = tallies("""
				select t.tag as code, count(*) as n from bd_person_tag t join bd_person p on p.id = t.person_id
				where p.status = 'ACTIVE' and %s group by 1 order by 2 desc""".formatted(person), params, "KEY_GROUP");
		List<Tally> byThingType = tallies("""
				select h.thing_type as code, count(*) as n from bd_thing h where %s group by 1 order by 2 desc"""
			.formatted(house), params, "THING_TYPE");
		List<KeyPerson> key = this.jdbc.query("""
				select p.id, p.name, p.id_masked, array_agg(t.tag order by t.tag) as tags
				from bd_person p join bd_person_tag t on t.person_id = p.id
				where p.status = 'ACTIVE' and %s
				group by p.id order by p.name, p.id limit :limit""".formatted(person), params,
				(rs, n) -> new KeyPerson(rs.getLong("id"), rs.getString("name"), rs.getString("id_masked"),
						List.of((String[]) rs.getArray("tags").getArray())
							.stream()
							.map(tag -> this.dicts.name("KEY_GROUP", tag))
							.toList()));
		return new Overview(number(counts, "people"), number(counts, "houses"), number(counts, "rented"),
				number(counts, "places"), number(counts, "organizations"), number(counts, "things"),
				number(counts, "disputes"), byHousehold, byTag, byThingType, key);
	}

	private List<Tally> tallies(String sql, MapSqlParameterSource params, String dict) {
		return this.jdbc.query(sql, params, (rs, n) -> new Tally(rs.getString("code"),
				this.dicts.name(dict, rs.getString("code")), rs.getLong("n")));
	}

	private static long number(Map<String, Object> row, String key) {
		return ((Number) row.get(key)).longValue();
	}

	private static String inBox(String alias, Box box, MapSqlParameterSource params) {
		if (box == null) {
			return "";
		}
		params.addValue("minLon", box.minLon())
			.addValue("minLat", box.minLat())
			.addValue("maxLon", box.maxLon())
			.addValue("maxLat", box.maxLat());
		return " and " + alias + ".lon between :minLon and :maxLon and " + alias + ".lat between :minLat and :maxLat";
	}

	private static String camel(String column) {
		StringBuilder name = new StringBuilder();
		boolean upper = false;
		for (char c : column.toCharArray()) {
			if (c == '_') {
				upper = true;
			}
			else {
				name.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return name.toString();
	}

}
