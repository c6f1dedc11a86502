package org.govgrid.patrol;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-worker patrol totals for reports on people. */
@Service
public class PatrolSummaries {

	private final JdbcClient jdbc;

	PatrolSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Finished patrols each worker started in an area between two instants. */
	@Transactional(readOnly = true)
	public Map<Long, Totals> byWorker(String path, Instant from, Instant to) {
		return totals("worker_id", path, from, to);
	}

	/** The same per grid. */
	@Transactional(readOnly = true)
	public Map<Long, Totals> byGrid(String path, Instant from, Instant to) {
		return totals("grid_id", path, from, to);
	}

	private Map<Long, Totals> totals(String key, String path, Instant from, Instant to) {
		Map<Long, Totals> totals = new HashMap<>();
		ScopeFilter area = ScopeFilter.at(path, "region_path", "area");
		this.jdbc.sql("""
				select %s, count(*), coalesce(sum(duration_seconds), 0), coalesce(sum(distance_meters), 0)
				from patrol
				where status = 'FINISHED' and %s
				  and started_at >= :from and started_at < :to
				group by %s""".formatted(key, area.sql(), key))
			.params(area.parameters())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((RowCallbackHandler) rs -> totals.put(rs.getLong(1),
					new Totals(rs.getLong(2), rs.getLong(3), rs.getDouble(4))));
		return totals;
	}

	/** How many patrols, how long and how far in all. */
	public record Totals(long patrols, long seconds, double meters) {
	}

}
