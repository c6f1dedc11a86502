package org.govgrid.patrol;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes track points into monthly partitions: each batch is one statement over arrays
 * (never one insert per point), repeated points are dropped by the key. A request never
 * creates a partition ({@link TrackPartitions} does, ahead of time); a point of a month
 * without one lands in the default partition.
 */
@Component
class TrackStore {

	private final JdbcTemplate jdbc;

	TrackStore(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Returns how many of the points were new. */
	int insert(long patrolId, List<Track.Point> points) {
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

}
