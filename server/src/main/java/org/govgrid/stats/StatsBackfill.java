package org.govgrid.stats;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.event.EventChanged;
import org.govgrid.event.EventSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Builds the facts and rollups of events that have none (a database older than the
 * statistics, or events loaded in bulk) once the application is up, in the background and
 * page by page, logging its progress. A fact the listener wrote meanwhile wins: the page
 * adds tallies only for the facts it inserted itself.
 */
@Component
class StatsBackfill {

	private static final Logger log = LoggerFactory.getLogger(StatsBackfill.class);

	private static final int PAGE = 5000;

	/** Summed tallies kept before they are written (about 100 bytes each). */
	private static final int MAX_PENDING = 3_000_000;

	private final EventSnapshots events;

	private final JdbcTemplate jdbc;

	private final org.springframework.transaction.support.TransactionTemplate transaction;

	StatsBackfill(EventSnapshots events, JdbcTemplate jdbc,
			org.springframework.transaction.PlatformTransactionManager transactions) {
		this.events = events;
		this.jdbc = jdbc;
		this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		Thread thread = new Thread(() -> {
			try {
				run();
			}
			catch (RuntimeException ex) {
				log.error("Statistics backfill stopped; it resumes at the next start", ex);
			}
		}, "stats-backfill");
		thread.setDaemon(true);
		thread.start();
	}

	/** Returns how many events got their fact. */
	int run() {
		Long facts = this.jdbc.queryForObject("select count(*) from stats_event_fact", Long.class);
		if (facts != null && facts == this.events.count()) {
			return 0;
		}
		long started = System.currentTimeMillis();
		int added = 0;
		long after = 0;
		Map<String, Long> sums = new HashMap<>();
		List<EventChanged> page;
		while (!(page = this.events.after(after, PAGE)).isEmpty()) {
			after = page.get(page.size() - 1).eventId();
			added += fill(page, sums);
			if (sums.size() > MAX_PENDING) {
				flush(sums);
			}
			if (added > 0 && added % 100_000 < PAGE) {
				log.info("Statistics backfill: {} events so far (up to id {})", added, after);
			}
		}
		flush(sums);
		if (added > 0) {
			log.info("Statistics backfill: {} events in {} ms", added, System.currentTimeMillis() - started);
		}
		return added;
	}

	/**
	 * Writes the summed tallies as deltas (the folder moves them into the rollups).
	 * Summing over many pages first keeps the deltas to about one row per region, day and
	 * key.
	 */
	private void flush(Map<String, Long> sums) {
		// one transaction: a reader never sees part of a flush
		this.transaction.executeWithoutResult(status -> insertDeltas(sums));
		sums.clear();
	}

	private void insertDeltas(Map<String, Long> sums) {
		List<String> keys = new java.util.ArrayList<>(sums.keySet());
		for (int from = 0; from < keys.size(); from += 20_000) {
			List<String> chunk = keys.subList(from, Math.min(keys.size(), from + 20_000));
			this.jdbc.update(con -> {
				java.sql.PreparedStatement insert = con.prepareStatement("""
						insert into stats_delta (region_code, day, dimension, key, value)
						select * from unnest(?::varchar[], ?::date[], ?::varchar[], ?::varchar[], ?::bigint[])""");
				String[][] parts = new String[4][chunk.size()];
				Long[] values = new Long[chunk.size()];
				for (int i = 0; i < chunk.size(); i++) {
					String[] split = chunk.get(i).split("\\|", 4);
					for (int k = 0; k < 4; k++) {
						parts[k][i] = split[k];
					}
					values[i] = sums.get(chunk.get(i));
				}
				insert.setArray(1, con.createArrayOf("varchar", parts[0]));
				insert.setArray(2, con.createArrayOf("date", parts[1]));
				insert.setArray(3, con.createArrayOf("varchar", parts[2]));
				insert.setArray(4, con.createArrayOf("varchar", parts[3]));
				insert.setArray(5, con.createArrayOf("bigint", values));
				return insert;
			});
		}
	}

	private static Object[] column(List<EventFact> facts, java.util.function.Function<EventFact, Object> value) {
		return facts.stream().map(value).toArray();
	}

	private int fill(List<EventChanged> page, Map<String, Long> sums) {
		Set<Long> known = new HashSet<>(
				this.jdbc.queryForList("select event_id from stats_event_fact where event_id = any (?)", Long.class,
						(Object) page.stream().map(EventChanged::eventId).toArray(Long[]::new)));
		List<EventFact> missing = page.stream().filter(e -> !known.contains(e.eventId())).map(EventFact::of).toList();
		if (missing.isEmpty()) {
			return 0;
		}
		List<Long> inserted = this.jdbc.query(con -> {
			java.sql.PreparedStatement insert = con.prepareStatement("""
					insert into stats_event_fact (event_id, report_day, close_day, grid_id, region_path, category_code,
					    source, level, status, overdue, closed_on_time, handling_seconds, score)
					select * from unnest(?::bigint[], ?::date[], ?::date[], ?::bigint[], ?::varchar[], ?::varchar[],
					    ?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[], ?::boolean[], ?::bigint[], ?::int[])
					on conflict (event_id) do nothing returning event_id""");
			insert.setArray(1, con.createArrayOf("bigint", column(missing, EventFact::eventId)));
			insert.setArray(2, con.createArrayOf("date", column(missing, f -> EventFacts.date(f.reportDay()))));
			insert.setArray(3, con.createArrayOf("date",
					column(missing, f -> f.closeDay() == null ? null : EventFacts.date(f.closeDay()))));
			insert.setArray(4, con.createArrayOf("bigint", column(missing, EventFact::gridId)));
			insert.setArray(5, con.createArrayOf("varchar", column(missing, EventFact::regionPath)));
			insert.setArray(6, con.createArrayOf("varchar", column(missing, EventFact::categoryCode)));
			insert.setArray(7, con.createArrayOf("varchar", column(missing, EventFact::source)));
			insert.setArray(8, con.createArrayOf("varchar", column(missing, EventFact::level)));
			insert.setArray(9, con.createArrayOf("varchar", column(missing, EventFact::status)));
			insert.setArray(10, con.createArrayOf("boolean", column(missing, EventFact::overdue)));
			insert.setArray(11, con.createArrayOf("boolean", column(missing, EventFact::closedOnTime)));
			insert.setArray(12, con.createArrayOf("bigint", column(missing, EventFact::handlingSeconds)));
			insert.setArray(13, con.createArrayOf("integer", column(missing, EventFact::score)));
			return insert;
		}, (rs, n) -> rs.getLong(1));
		Set<Long> mine = new HashSet<>(inserted);
		for (EventFact fact : missing) {
			if (mine.contains(fact.eventId())) {
				for (Tally tally : fact.tallies()) {
					for (String region : fact.rollupRegions()) {
						sums.merge(region + "|" + tally.day() + "|" + tally.dimension() + "|" + tally.key(),
								tally.value(), Long::sum);
					}
				}
			}
		}
		return mine.size();
	}

}
