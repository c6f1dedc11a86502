package org.govgrid.special;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The crowd counts table: monthly partitions made when first needed (like the patrol
 * track points), one statement over arrays per batch, and the reads the heat layer and
 * CROWD_DENSITY need, each bucket with the same bucket of the four weeks before.
 */
@Component
class CrowdStore {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

	// the same weekday and quarter hour in each of the 4 weeks before (China keeps no
	// DST)
	private static final String EARLIER_WEEKS = """
			left join lateral (select array_agg(h.people) as earlier from crowd_count h
			    where h.grid_id = c.grid_id and h.bucket_start in (c.bucket_start - interval '7 days',
			    c.bucket_start - interval '14 days', c.bucket_start - interval '21 days',
			    c.bucket_start - interval '28 days')) u on true""";

	private final NamedParameterJdbcTemplate named;

	private final JdbcTemplate jdbc;

	private final Set<String> knownPartitions = ConcurrentHashMap.newKeySet();

	CrowdStore(NamedParameterJdbcTemplate named) {
		this.named = named;
		this.jdbc = named.getJdbcTemplate();
	}

	/** A count to store for one grid and bucket. */
	record Row(long gridId, String path, Instant bucket, int people) {
	}

	/** One bucket of one grid with the earlier weeks' counts. */
	record Stored(long gridId, String path, CrowdLimits.Bucket bucket) {
	}

	/** The stored counts of these grid-buckets, keyed {@code gridId/epochSecond}. */
	Map<String, Integer> existing(Collection<Row> rows) {
		Map<String, Integer> found = new HashMap<>();
		if (rows.isEmpty()) {
			return found;
		}
		this.jdbc.query(con -> {
			var ps = con.prepareStatement(
					"""
							select c.grid_id, c.bucket_start, c.people from crowd_count c
							join unnest(?::bigint[], ?::timestamptz[]) as k(g, b) on c.grid_id = k.g and c.bucket_start = k.b""");
			ps.setArray(1, con.createArrayOf("bigint", rows.stream().map(Row::gridId).toArray()));
			ps.setArray(2,
					con.createArrayOf("timestamptz", rows.stream().map(r -> Timestamp.from(r.bucket())).toArray()));
			return ps;
		}, rs -> {
			found.put(key(rs.getLong(1), rs.getTimestamp(2).toInstant()), rs.getInt(3));
		});
		return found;
	}

	static String key(long gridId, Instant bucket) {
		return gridId + "/" + bucket.getEpochSecond();
	}

	/** Inserts the rows, replacing the count of a grid-bucket stored before. */
	void upsert(List<Row> rows, Instant now) {
		if (rows.isEmpty()) {
			return;
		}
		rows.stream()
			.map(r -> r.bucket().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1))
			.distinct()
			.forEach(this::ensurePartition);
		this.jdbc.update(con -> {
			var ps = con.prepareStatement(
					"""
							insert into crowd_count (grid_id, region_path, bucket_start, people, received_at)
							select g, p, b, n, ? from unnest(?::bigint[], ?::varchar[], ?::timestamptz[], ?::int[]) as u(g, p, b, n)
							on conflict (grid_id, bucket_start) do update set people = excluded.people,
							    region_path = excluded.region_path, received_at = excluded.received_at""");
			ps.setTimestamp(1, Timestamp.from(now));
			ps.setArray(2, array(con, "bigint", rows.stream().map(Row::gridId).toArray()));
			ps.setArray(3, array(con, "varchar", rows.stream().map(Row::path).toArray()));
			ps.setArray(4, array(con, "timestamptz", rows.stream().map(r -> Timestamp.from(r.bucket())).toArray()));
			ps.setArray(5, array(con, "int", rows.stream().map(Row::people).toArray()));
			return ps;
		});
	}

	private static Array array(java.sql.Connection con, String type, Object[] values) throws java.sql.SQLException {
		return con.createArrayOf(type, values);
	}

	/** Each grid's latest bucket in {@code (after, upTo]} inside the area. */
	List<Stored> latest(DataScope area, Instant after, Instant upTo) {
		MapSqlParameterSource params = new MapSqlParameterSource("after", Timestamp.from(after)).addValue("upTo",
				Timestamp.from(upTo));
		String scope = ScopeFilter.of(area, "region_path").addTo(params);
		return this.named.query("""
				with c as (select distinct on (grid_id) grid_id, region_path, bucket_start, people from crowd_count
				    where bucket_start > :after and bucket_start <= :upTo and %s order by grid_id, bucket_start desc)
				select c.*, u.earlier from c %s order by c.grid_id""".formatted(scope, EARLIER_WEEKS), params,
				(rs, n) -> stored(rs));
	}

	/**
	 * The buckets in {@code [from, to]} inside the area (or of the grids named), by grid
	 * and time.
	 */
	Map<Long, List<Stored>> series(DataScope area, Collection<Long> grids, Instant from, Instant to) {
		MapSqlParameterSource params = new MapSqlParameterSource("from", Timestamp.from(from)).addValue("to",
				Timestamp.from(to));
		String where = ScopeFilter.of(area, "c.region_path").addTo(params);
		if (grids != null) {
			where += " and c.grid_id in (:grids)";
			params.addValue("grids", grids.isEmpty() ? List.of(-1L) : grids);
		}
		Map<Long, List<Stored>> byGrid = new LinkedHashMap<>();
		this.named.query("""
				select c.grid_id, c.region_path, c.bucket_start, c.people, u.earlier from crowd_count c %s
				where c.bucket_start >= :from and c.bucket_start <= :to and %s
				order by c.grid_id, c.bucket_start""".formatted(EARLIER_WEEKS, where), params,
				(org.springframework.jdbc.core.RowCallbackHandler) rs -> {
					Stored s = stored(rs);
					byGrid.computeIfAbsent(s.gridId(), k -> new ArrayList<>()).add(s);
				});
		return byGrid;
	}

	private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
		Array earlier = rs.getArray("earlier");
		int[] weeks = new int[0];
		if (earlier != null) {
			Integer[] values = (Integer[]) earlier.getArray();
			weeks = java.util.Arrays.stream(values).mapToInt(Integer::intValue).toArray();
		}
		return new Stored(rs.getLong("grid_id"), rs.getString("region_path"),
				new CrowdLimits.Bucket(rs.getTimestamp("bucket_start").toInstant(), rs.getInt("people"), weeks));
	}

	private void ensurePartition(LocalDate month) {
		String name = "crowd_count_" + month.format(MONTH);
		if (this.knownPartitions.contains(name)) {
			return;
		}
		// a month the default partition already holds rows of cannot be split off; then
		// the default partition keeps serving it
		Boolean exists = this.jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, name);
		if (!Boolean.TRUE.equals(exists)) {
			Integer stray = this.jdbc.queryForObject(
					"select count(*) from crowd_count_default where bucket_start >= ?::date"
							+ " and bucket_start < (?::date + interval '1 month')",
					Integer.class, month.toString(), month.toString());
			if (stray == null || stray == 0) {
				this.jdbc.execute("create table if not exists " + name + " partition of crowd_count for values from ('"
						+ month + "') to ('" + month.plusMonths(1) + "')");
			}
		}
		this.knownPartitions.add(name);
	}

}
