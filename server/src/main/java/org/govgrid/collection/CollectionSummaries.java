package org.govgrid.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-collector record counts for reports on people. */
@Service
public class CollectionSummaries {

	private final JdbcClient jdbc;

	CollectionSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records each collector made in an area between two instants, and how many were
	 * approved.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Totals> byCollector(String path, Instant from, Instant to) {
		return totals("collector_id", path, from, to);
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
				select %s, count(*), count(*) filter (where status = 'APPROVED')
				from collection_record
				where %s and collected_at >= :from and collected_at < :to
				group by %s""".formatted(key, area.sql(), key))
			.params(area.parameters())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((RowCallbackHandler) rs -> totals.put(rs.getLong(1), new Totals(rs.getLong(2), rs.getLong(3))));
		return totals;
	}

	/** Records made, and of those approved. */
	public record Totals(long records, long approved) {
	}

}
