package org.govgrid.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The tallies of an area over a range of days: for a town and above the rollups plus the
 * deltas not folded yet, for a community or a grid its facts (a few thousand rows at
 * most) run through {@link EventFact#tallies()}.
 */
@Component
class Tallies {

	private final JdbcTemplate jdbc;

	Tallies(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Tally> of(RegionSummary region, LocalDate from, LocalDate to) {
		String[] codes = region.path().split("/");
		if (codes.length <= EventFact.ROLLUP_DEPTH) {
			return this.jdbc.query("""
					select day, dimension, key, sum(value) as value from (
					    select day, dimension, key, value from stats_rollup
					    where region_code = ? and day between ? and ?
					    union all
					    select day, dimension, key, value from stats_delta
					    where region_code = ? and day between ? and ?) t
					group by day, dimension, key""",
					(rs, n) -> new Tally(rs.getDate("day").toLocalDate(), rs.getString("dimension"),
							rs.getString("key"), rs.getLong("value")),
					region.code(), EventFacts.date(from), EventFacts.date(to), region.code(), EventFacts.date(from),
					EventFacts.date(to));
		}
		List<Tally> tallies = new ArrayList<>();
		this.jdbc.query("""
				select * from stats_event_fact
				where (region_path = ? or region_path like ?)
				  and (report_day between ? and ? or close_day between ? and ?)""", rs -> {
			for (Tally tally : EventFacts.row(rs, 0).tallies()) {
				if (!tally.day().isBefore(from) && !tally.day().isAfter(to)) {
					tallies.add(tally);
				}
			}
		}, region.path(), region.path() + "/%", EventFacts.date(from), EventFacts.date(to), EventFacts.date(from),
				EventFacts.date(to));
		return tallies;
	}

}
