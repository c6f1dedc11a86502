package org.govgrid.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govgrid.event.model.DeadlineFlag;
import org.govgrid.event.model.EventCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 时限预警: recomputes the yellow/red flag of the open events near a deadline (the model
 * decides; the query only leaves out those nowhere near one) and tells the holding unit
 * and the town's leaders once per flag and deadline; a new deadline (after a re-dispatch)
 * may warn again. One node runs it at a time (ShedLock).
 */
@Component
class DeadlineFlagJob {

	private static final Logger log = LoggerFactory.getLogger(DeadlineFlagJob.class);

	private final EventRepository events;

	private final EventNotices notices;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	DeadlineFlagJob(EventRepository events, EventNotices notices, JdbcTemplate jdbc, Clock clock) {
		this.events = events;
		this.notices = notices;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${govgrid.events.deadline-check-interval:60s}", initialDelayString = "20s")
	@SchedulerLock(name = "event-deadline-flags", lockAtMostFor = "PT5M")
	void run() {
		recompute(this.clock.instant());
	}

	/** Returns how many events changed flag. */
	@Transactional
	int recompute(Instant now) {
		List<Object[]> changed = new ArrayList<>();
		List<Object[]> notified = new ArrayList<>();
		for (EventRepository.OpenEvent open : this.events.openEventsNearDeadline(now)) {
			StoredEvent stored = open.event();
			EventCase event = stored.lifecycle();
			DeadlineFlag flag = event.deadlineFlag(now);
			if (flag != stored.flag()) {
				changed.add(new Object[] { flag.name(), stored.id() });
			}
			Instant deadline = event.status() == org.govgrid.event.model.EventStatus.REPORTED
					? event.acceptanceDeadline() : event.disposalDeadline();
			boolean warned = flag.name().equals(open.notifiedFlag()) && deadline != null
					&& deadline.equals(open.notifiedDeadline());
			if (flag != DeadlineFlag.NONE && !warned) {
				this.notices.flagged(stored.id(), event.code(), stored.details().title(), flag, event.currentUnit(),
						event.assigneeId(), stored.place().townId());
				notified.add(new Object[] { flag.name(), EventRepository.ts(deadline), stored.id() });
			}
		}
		this.jdbc.batchUpdate("update event set flag = ? where id = ?", changed);
		changed.forEach(change -> this.events.announce((Long) change[1], List.of()));
		this.jdbc.batchUpdate("update event set notified_flag = ?, notified_deadline = ? where id = ?", notified);
		if (!changed.isEmpty()) {
			log.info("Deadline flags: {} events changed, {} warnings sent", changed.size(), notified.size());
		}
		return changed.size();
	}

}
