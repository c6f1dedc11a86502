package org.govgrid.ops.jobs;

import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the job history bounded (标准 8b): runs older than {@code keepHistory} go daily.
 */
@Component
class JobHistoryRetention {

	private static final Logger log = LoggerFactory.getLogger(JobHistoryRetention.class);

	private final JobStore store;

	private final JobProperties properties;

	JobHistoryRetention(JobStore store, JobProperties properties) {
		this.store = store;
		this.properties = properties;
	}

	@Scheduled(cron = "${govgrid.ops.jobs.retention-cron:0 40 3 * * *}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "ops-job-history-retention", lockAtMostFor = "PT10M")
	public void purge() {
		int removed = this.store.deleteBefore(Instant.now().minus(this.properties.keepHistory()));
		if (removed > 0) {
			log.info("Removed {} job runs older than {}", removed, this.properties.keepHistory());
		}
	}

}
