package org.govgrid.collection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-collector record counts for reports on people. */
@Service
public class CollectionSummaries {

	private final JdbcTemplate jdbc;

	CollectionSummaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records each collector made in an area between two instants, and how many were
	 * approved.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Totals> byCollector(String path, Instant from, Instant to) {
		Map<Long, Totals> totals = new HashMap<>();
		this.jdbc.query("""
				select collector_id, count(*), count(*) filter (where status = 'APPROVED')
				from collection_record
				where (region_path = ? or region_path like ?) and collected_at >= ? and collected_at < ?
				group by collector_id""", rs -> {
			totals.put(rs.getLong(1), new Totals(rs.getLong(2), rs.getLong(3)));
		}, path, path + "/%", Timestamp.from(from), Timestamp.from(to));
		return totals;
	}

	/** The same per grid. */
	@Transactional(readOnly = true)
	public Map<Long, Totals> byGrid(String path, Instant from, Instant to) {
		Map<Long, Totals> totals = new HashMap<>();
		this.jdbc.query("""
				select grid_id, count(*), count(*) filter (where status = 'APPROVED')
				from collection_record
				where (region_path = ? or region_path like ?) and collected_at >= ? and collected_at < ?
				group by grid_id""", rs -> {
			totals.put(rs.getLong(1), new Totals(rs.getLong(2), rs.getLong(3)));
		}, path, path + "/%", Timestamp.from(from), Timestamp.from(to));
		return totals;
	}

	/** Records made, and of those approved. */
	public record Totals(long records, long approved) {
	}

}
