package org.govgrid.warning;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govgrid.event.EventChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When rules are applied: after each report commits (so the counts see it and every event
 * committed before it), and on a schedule for the rules that look at whole days or at
 * overdue cases, and to clear the alerts whose condition has passed (one node at a time).
 */
@Component
class WarningJobs {

	private static final Logger log = LoggerFactory.getLogger(WarningJobs.class);

	private final Evaluator evaluator;

	private final Clock clock;

	WarningJobs(Evaluator evaluator, Clock clock) {
		this.evaluator = evaluator;
		this.clock = clock;
	}

	/**
	 * Runs on the reporting thread once the report has committed; a failure here is
	 * logged and never reaches the reporter (the sweep does not redo it).
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void reported(EventChanged event) {
		if (event.steps().stream().noneMatch(step -> "report".equals(step.action()))
				|| "WARNING".equals(event.source())) {
			return;
		}
		try {
			this.evaluator.onReport(event.eventId(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			log.error("Warning rules failed for event {}", event.eventId(), ex);
		}
	}

	@Scheduled(fixedDelayString = "${govgrid.warning.sweep-interval:5m}",
			initialDelayString = "${govgrid.warning.sweep-initial-delay:60s}")
	@SchedulerLock(name = "warning-sweep", lockAtMostFor = "PT10M")
	void sweep() {
		Evaluator.Swept swept = this.evaluator.sweep(this.clock.instant());
		if (swept.opened() > 0 || swept.cleared() > 0) {
			log.info("Warning sweep: {} alerts opened, {} cleared", swept.opened(), swept.cleared());
		}
	}

}
