package org.govgrid.exchange;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Finished import jobs go after a while (PIPL §19: no longer than needed): their refused
 * rows hold personal data, sealed or not.
 */
@Component
class ImportRetention {

	private static final Logger log = LoggerFactory.getLogger(ImportRetention.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final Duration keep;

	ImportRetention(NamedParameterJdbcTemplate jdbc, @Value("${govgrid.exchange.keep-jobs:90d}") Duration keep) {
		this.jdbc = jdbc;
		this.keep = keep;
	}

	@Scheduled(cron = "${govgrid.exchange.retention-cron:0 30 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "import-retention", lockAtMostFor = "PT30M")
	void purge() {
		int removed = this.jdbc.update("""
				delete from import_job
				where status in ('DONE', 'FAILED') and finished_at < now() - make_interval(secs => :keep)""",
				new MapSqlParameterSource("keep", this.keep.toSeconds()));
		if (removed > 0) {
			log.info("Removed {} import jobs finished more than {} ago", removed, this.keep);
		}
	}

}
