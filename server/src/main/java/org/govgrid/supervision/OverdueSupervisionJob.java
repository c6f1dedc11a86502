package org.govgrid.supervision;

import java.time.Clock;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govgrid.supervision.model.SupervisionItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 督办超期: marks each item whose deadline passed while it was not closed, and tells the unit
 * and the town's leaders, once per item. One node runs it at a time (ShedLock).
 */
@Component
class OverdueSupervisionJob {

	private static final Logger log = LoggerFactory.getLogger(OverdueSupervisionJob.class);

	private final SupervisionStore store;

	private final SupervisionNotices notices;

	private final Clock clock;

	private final TransactionTemplate transaction;

	OverdueSupervisionJob(SupervisionStore store, SupervisionNotices notices, Clock clock,
			PlatformTransactionManager transactions) {
		this.store = store;
		this.notices = notices;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Scheduled(fixedDelayString = "${govgrid.supervision.overdue-check-interval:60s}", initialDelayString = "30s")
	@SchedulerLock(name = "supervision-overdue", lockAtMostFor = "PT5M")
	void run() {
		// one transaction: an item is marked exactly when its notices are written
		Integer marked = this.transaction.execute(status -> markOverdue(this.clock.instant()));
		if (marked != null && marked > 0) {
			log.info("Supervision: {} items overdue", marked);
		}
	}

	/**
	 * Returns how many items were marked (and notified) now; in the caller's transaction.
	 */
	int markOverdue(Instant now) {
		int marked = 0;
		for (StoredItem stored : this.store.dueForOverdue(now)) {
			SupervisionItem item = stored.lifecycle();
			if (!item.dueForOverdueNotice(now)) {
				continue;
			}
			item.markOverdue(now);
			this.store.update(stored, item, null, null);
			this.notices.overdue(stored);
			marked++;
		}
		return marked;
	}

}
