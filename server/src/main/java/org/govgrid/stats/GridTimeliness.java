package org.govgrid.stats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per grid, the events closed in a range of local days (Asia/Shanghai, both ends
 * included) with how many were on time and their ratings, from the statistics' event
 * facts (the same definitions as the dashboard's timeliness and satisfaction). Reads
 * regardless of any caller; callers pass an area they have checked.
 */
@Service
public class GridTimeliness {

	private final JdbcClient jdbc;

	GridTimeliness(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The grids at or under {@code regionPath} that closed events in the range, by grid
	 * id.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Figures> of(String regionPath, LocalDate from, LocalDate to) {
		Map<Long, Figures> figures = new HashMap<>();
		ScopeFilter area = ScopeFilter.at(regionPath, "region_path", "area");
		this.jdbc.sql("""
				select grid_id, count(*) as closed, count(*) filter (where closed_on_time) as on_time,
				       count(score) as rated, coalesce(sum(score), 0) as rating_sum
				from stats_event_fact
				where %s and close_day between :from and :to
				group by grid_id""".formatted(area.sql()))
			.params(area.parameters())
			.param("from", EventFacts.date(from))
			.param("to", EventFacts.date(to))
			.query((RowCallbackHandler) rs -> {
				long grid = rs.getLong("grid_id");
				figures.put(grid, new Figures(grid, rs.getLong("closed"), rs.getLong("on_time"), rs.getLong("rated"),
						rs.getLong("rating_sum")));
			});
		return figures;
	}

	/**
	 * One grid's closed events: how many, how many on time, how many rated and their sum.
	 */
	public record Figures(long gridId, long closed, long closedOnTime, long rated, long ratingSum) {

		/** Share closed on time (0–1), null when nothing closed. */
		public Double onTimeRate() {
			return this.closed == 0 ? null : (double) this.closedOnTime / this.closed;
		}

		/** Average rating (1–5), null when nothing was rated. */
		public Double satisfaction() {
			return this.rated == 0 ? null : (double) this.ratingSum / this.rated;
		}

	}

}
