package org.govgrid.patrol;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes track points into monthly partitions: each batch is one statement over arrays
 * (never one insert per point), repeated points are dropped by the key, and a month's
 * partition is created the first time it is needed (the default partition catches
 * anything else).
 */
@Component
class TrackStore {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

	private final JdbcTemplate jdbc;

	private final Set<String> knownPartitions = ConcurrentHashMap.newKeySet();

	TrackStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Returns how many of the points were new. */
	int insert(long patrolId, List<Track.Point> points) {
		points.stream()
			.map(p -> p.time().atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1))
			.distinct()
			.forEach(this::ensurePartition);
		int n = points.size();
		Timestamp[] times = new Timestamp[n];
		Double[] lons = new Double[n];
		Double[] lats = new Double[n];
		Double[] accuracies = new Double[n];
		Double[] speeds = new Double[n];
		for (int i = 0; i < n; i++) {
			Track.Point p = points.get(i);
			times[i] = Timestamp.from(p.time());
			lons[i] = p.lon();
			lats[i] = p.lat();
			accuracies[i] = p.accuracy();
			speeds[i] = p.speed();
		}
		return this.jdbc.update(con -> {
			var ps = con.prepareStatement(
					"""
							insert into patrol_track_point (patrol_id, recorded_at, lon, lat, accuracy, speed)
							select ?, t, x, y, a, s from unnest(?::timestamptz[], ?::float8[], ?::float8[], ?::float8[], ?::float8[])
							    as u(t, x, y, a, s)
							on conflict do nothing""");
			ps.setLong(1, patrolId);
			ps.setArray(2, con.createArrayOf("timestamptz", times));
			ps.setArray(3, con.createArrayOf("float8", lons));
			ps.setArray(4, con.createArrayOf("float8", lats));
			ps.setArray(5, con.createArrayOf("float8", accuracies));
			ps.setArray(6, con.createArrayOf("float8", speeds));
			return ps;
		});
	}

	List<Track.Point> points(long patrolId) {
		return this.jdbc.query(
				"select recorded_at, lon, lat, accuracy, speed from patrol_track_point where patrol_id = ?"
						+ " order by recorded_at",
				(rs, n) -> new Track.Point(rs.getTimestamp("recorded_at").toInstant(), rs.getDouble("lon"),
						rs.getDouble("lat"), rs.getObject("accuracy", Double.class),
						rs.getObject("speed", Double.class)),
				patrolId);
	}

	private void ensurePartition(LocalDate month) {
		String name = "patrol_track_point_" + month.format(MONTH);
		if (this.knownPartitions.contains(name)) {
			return;
		}
		// a month already caught by the default partition cannot be split off any more
		// while it holds rows; then the default partition keeps serving it
		Boolean exists = this.jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, name);
		if (!Boolean.TRUE.equals(exists)) {
			Integer stray = this.jdbc.queryForObject(
					"select count(*) from patrol_track_point_default where recorded_at >= ?::date"
							+ " and recorded_at < (?::date + interval '1 month')",
					Integer.class, month.toString(), month.toString());
			if (stray != null && stray > 0) {
				this.knownPartitions.add(name);
				return;
			}
			this.jdbc
				.execute("create table if not exists " + name + " partition of patrol_track_point for values from ('"
						+ month + "') to ('" + month.plusMonths(1) + "')");
		}
		this.knownPartitions.add(name);
	}

}
