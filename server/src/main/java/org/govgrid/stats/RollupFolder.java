package org.govgrid.stats;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Folds the pending deltas into the daily rollups, in one statement: a reader sees either
 * the deltas or their sum, never both or neither.
 */
@Component
class RollupFolder {

	private final JdbcClient jdbc;

	RollupFolder(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(fixedDelayString = "${govgrid.stats.fold-interval:5s}", initialDelayString = "5s")
	@SchedulerLock(name = "stats-rollup-fold", lockAtMostFor = "PT5M")
	void run() {
		fold();
	}

	/** Returns how many deltas were folded. */
	@Transactional
	int fold() {
		Integer folded = this.jdbc.sql("""
				with moved as (delete from stats_delta returning region_code, day, dimension, key, value),
				     summed as (insert into stats_rollup (region_code, day, dimension, key, value)
				                select region_code, day, dimension, key, sum(value) from moved
				                group by region_code, day, dimension, key
				                on conflict (region_code, day, dimension, key)
				                do update set value = stats_rollup.value + excluded.value
				                returning 1)
				select count(*) from moved""").query(Integer.class).single();
		return folded == null ? 0 : folded;
	}

}
