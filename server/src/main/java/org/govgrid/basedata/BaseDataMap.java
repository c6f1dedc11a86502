package org.govgrid.basedata;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
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

	/** A daily note's text on the map is cut to this many characters. */
	public static final int NOTE_EXCERPT = 60;

	/**
	 * Seven or more digits (an ID number may end in X): masked like the platform masks.
	 */
	private static final Pattern LONG_NUMBER = Pattern.compile("\\d{6,}[\\dXx]");

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
		return this.jdbc.query(
				"select r.id, " + name + " as name, r.status, r.grid_id, r.lon, r.lat, " + extra + " from "
						+ kind.table() + " r where " + ScopeFilter.of(area, "r.region_path").addTo(params)
						+ " and r.lon is not null" + inBox("r", box, params) + " order by r.id limit :limit",
				params, (rs, n) -> {
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
					.formatted(ScopeFilter.of(area, "p.region_path").addTo(params), inBox("h", box, params)),
				params,
				(rs, n) -> new Point(rs.getLong("id"), rs.getString("address"), rs.getString("status"),
						rs.getLong("grid_id"), rs.getDouble("lon"), rs.getDouble("lat"),
						Map.of("houseId", rs.getLong("id"), "count", rs.getLong("people"), "keyCount",
								rs.getLong("key_people"))));
	}

	/**
	 * Disputes inside the scope and the box: all that are not closed (RESOLVED,
	 * ESCALATED) and the closed ones whose last step was at or after {@code closedSince},
	 * latest first. A dispute stands at its own point, else at the house of its first
	 * party with one (a registered resident), else at its grid's centre ({@code placed}:
	 * POINT, HOUSE, GRID). Parties are counted, never named.
	 */
	public List<Point> disputes(DataScope area, Box box, Instant closedSince, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit).addValue("closedSince",
				Timestamp.from(closedSince));
		return this.jdbc.query(
				"""
						select * from (
						    select r.id, r.title, r.status, r.grid_id, g.name as grid_name, r.dispute_type, r.scale,
						           r.occurred_on, r.updated_at, jsonb_array_length(r.parties) as parties,
						           coalesce(r.lon, h.lon, g.center_lon) as lon, coalesce(r.lat, h.lat, g.center_lat) as lat,
						           case when r.lon is not null then 'POINT' when h.lon is not null then 'HOUSE' else 'GRID' end
						               as placed
						    from bd_dispute r join region g on g.id = r.grid_id
						    left join lateral (
						        select hh.lon, hh.lat
						        from jsonb_array_elements(r.parties) with ordinality as party(body, n)
						        join bd_person p on p.id = (party.body ->> 'personId')::bigint
						        join bd_house hh on hh.id = p.house_id
						        where hh.lon is not null and hh.lat is not null
						        order by party.n limit 1) h on true
						    where %s and (r.status not in ('RESOLVED', 'ESCALATED') or r.updated_at >= :closedSince)
						) d
						where d.lon is not null%s
						order by d.occurred_on desc, d.id desc limit :limit"""
					.formatted(ScopeFilter.of(area, "r.region_path").addTo(params), inBox("d", box, params)),
				params, (rs, n) -> {
					Map<String, Object> extra = new LinkedHashMap<>();
					extra.put("kindType", rs.getString("dispute_type"));
					extra.put("scale", rs.getString("scale"));
					extra.put("occurredOn", rs.getObject("occurred_on", LocalDate.class).toString());
					extra.put("updatedAt", rs.getTimestamp("updated_at").toInstant().toString());
					extra.put("gridName", rs.getString("grid_name"));
					extra.put("parties", rs.getInt("parties"));
					extra.put("placed", rs.getString("placed"));
					return new Point(rs.getLong("id"), rs.getString("title"), rs.getString("status"),
							rs.getLong("grid_id"), rs.getDouble("lon"), rs.getDouble("lat"), extra);
				});
	}

	/**
	 * Daily notes noted on or after {@code since} inside the scope, at their grid's
	 * centre (a note has no point of its own) when that lies in the box, latest first;
	 * the text cut to {@link #NOTE_EXCERPT} characters.
	 */
	public List<Point> dailyNotes(DataScope area, Box box, LocalDate since, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", limit).addValue("since", since);
		return this.jdbc.query("""
				select n.id, n.topic, n.noted_on, n.content, n.author_name, n.grid_id, g.name as grid_name,
				       g.center_lon as lon, g.center_lat as lat
				from bd_daily_note n join region g on g.id = n.grid_id
				where %s and n.noted_on >= :since and g.center_lon is not null%s
				order by n.noted_on desc, n.id desc limit :limit""".formatted(
				ScopeFilter.of(area, "n.region_path").addTo(params),
				inBox("g.center_lon", "g.center_lat", box, params)), params, (rs, n) -> {
					String topic = rs.getString("topic");
					Map<String, Object> extra = new LinkedHashMap<>();
					extra.put("kindType", topic);
					extra.put("notedOn", rs.getObject("noted_on", LocalDate.class).toString());
					extra.put("text", excerpt(rs.getString("content")));
					extra.put("author", rs.getString("author_name"));
					extra.put("gridName", rs.getString("grid_name"));
					extra.put("placed", "GRID");
					return new Point(rs.getLong("id"), DailyNotes.TOPICS.getOrDefault(topic, topic), null,
							rs.getLong("grid_id"), rs.getDouble("lon"), rs.getDouble("lat"), extra);
				});
	}

	/**
	 * The text on one line, long digit runs masked (a phone or ID number a worker wrote
	 * down), cut by characters (not bytes) with an ellipsis.
	 */
	static String excerpt(String text) {
		String line = LONG_NUMBER.matcher(text.strip().replaceAll("\\s+", " "))
			.replaceAll(m -> m.group().substring(0, 3) + "*".repeat(m.group().length() - 7)
					+ m.group().substring(m.group().length() - 4));
		if (line.codePointCount(0, line.length()) <= NOTE_EXCERPT) {
			return line;
		}
		return line.substring(0, line.offsetByCodePoints(0, NOTE_EXCERPT)) + "…";
	}

	public Overview overview(DataScope area, int keyPeople) {
		MapSqlParameterSource params = new MapSqlParameterSource("limit", keyPeople);
		String person = ScopeFilter.of(area, "p.region_path").addTo(params);
		String house = ScopeFilter.of(area, "h.region_path").addTo(params);
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
		return inBox(alias + ".lon", alias + ".lat", box, params);
	}

	private static String inBox(String lon, String lat, Box box, MapSqlParameterSource params) {
		if (box == null) {
			return "";
		}
		params.addValue("minLon", box.minLon())
			.addValue("minLat", box.minLat())
			.addValue("maxLon", box.maxLon())
			.addValue("maxLat", box.maxLat());
		return " and " + lon + " between :minLon and :maxLon and " + lat + " between :minLat and :maxLat";
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
