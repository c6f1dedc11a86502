package org.govgrid.patrol;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-worker patrol totals for reports on people. */
@Service
public class PatrolSummaries {

	private final JdbcTemplate jdbc;

	PatrolSummaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Finished patrols each worker started in an area between two instants. */
	@Transactional(readOnly = true)
	public Map<Long, Totals> byWorker(String path, Instant from, Instant to) {
		Map<Long, Totals> totals = new HashMap<>();
		this.jdbc.query("""
				select worker_id, count(*), coalesce(sum(duration_seconds), 0), coalesce(sum(distance_meters), 0)
				from patrol
				where status = 'FINISHED' and (region_path = ? or region_path like ?)
				  and started_at >= ? and started_at < ?
				group by worker_id""", rs -> {
			totals.put(rs.getLong(1), new Totals(rs.getLong(2), rs.getLong(3), rs.getDouble(4)));
		}, path, path + "/%", Timestamp.from(from), Timestamp.from(to));
		return totals;
	}

	/** The same per grid. */
	@Transactional(readOnly = true)
	public Map<Long, Totals> byGrid(String path, Instant from, Instant to) {
		Map<Long, Totals> totals = new HashMap<>();
		this.jdbc.query("""
				select grid_id, count(*), coalesce(sum(duration_seconds), 0), coalesce(sum(distance_meters), 0)
				from patrol
				where status = 'FINISHED' and (region_path = ? or region_path like ?)
				  and started_at >= ? and started_at < ?
				group by grid_id""", rs -> {
			totals.put(rs.getLong(1), new Totals(rs.getLong(2), rs.getLong(3), rs.getDouble(4)));
		}, path, path + "/%", Timestamp.from(from), Timestamp.from(to));
		return totals;
	}

	/** How many patrols, how long and how far in all. */
	public record Totals(long patrols, long seconds, double meters) {
	}

}
