package org.govgrid.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govgrid.region.RegionSummary;
import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tallies of an area over a range of days: for a town and above the rollups plus the
 * deltas not folded yet, for a community or a grid its facts (a few thousand rows at
 * most) run through {@link EventFact#tallies()}.
 */
@Component
class Tallies {

	private final JdbcClient jdbc;

	Tallies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Tally> of(RegionSummary region, LocalDate from, LocalDate to) {
		String[] codes = region.path().split("/");
		if (codes.length <= EventFact.ROLLUP_DEPTH) {
			return this.jdbc.sql("""
					select day, dimension, key, sum(value) as value from (
					    select day, dimension, key, value from stats_rollup
					    where region_code = :code and day between :from and :to
					    union all
					    select day, dimension, key, value from stats_delta
					    where region_code = :code and day between :from and :to) t
					group by day, dimension, key""")
				.param("code", region.code())
				.param("from", EventFacts.date(from))
				.param("to", EventFacts.date(to))
				.query((rs, n) -> new Tally(rs.getDate("day").toLocalDate(), rs.getString("dimension"),
						rs.getString("key"), rs.getLong("value")))
				.list();
		}
		List<Tally> tallies = new ArrayList<>();
		ScopeFilter area = ScopeFilter.at(region.path(), "region_path", "area");
		this.jdbc.sql("""
				select * from stats_event_fact
				where %s
				  and (report_day between :from and :to or close_day between :from and :to)""".formatted(area.sql()))
			.params(area.parameters())
			.param("from", EventFacts.date(from))
			.param("to", EventFacts.date(to))
			.query((RowCallbackHandler) rs -> {
				for (Tally tally : EventFacts.row(rs, 0).tallies()) {
					if (!tally.day().isBefore(from) && !tally.day().isAfter(to)) {
						tallies.add(tally);
					}
				}
			});
		return tallies;
	}

}
