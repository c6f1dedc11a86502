package org.govgrid.event;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-person event counts for reports on people (考核, 人员统计). */
@Service
public class EventSummaries {

	private final JdbcTemplate jdbc;

	EventSummaries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Events each user reported in an area ({@code path} and below) between two instants.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> reportsByReporter(String path, Instant from, Instant to) {
		Map<Long, Long> counts = new HashMap<>();
		this.jdbc.query("""
				select reporter_id, count(*) from event
				where (region_path = ? or region_path like ?) and reported_at >= ? and reported_at < ?
				group by reporter_id""", rs -> {
			counts.put(rs.getLong(1), rs.getLong(2));
		}, path, path + "/%", Timestamp.from(from), Timestamp.from(to));
		return counts;
	}

}
