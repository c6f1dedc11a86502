package org.govgrid.event;

import java.time.Instant;
import java.util.List;

/**
 * Published inside the writing transaction whenever an event is reported or changes (one
 * or more steps of its flow, or its time-limit flag): the event as it now stands and the
 * steps just taken. Listeners run in that transaction, so what they derive commits or
 * rolls back with the event.
 */
public record EventChanged(long eventId, String code, String categoryCode, String level, String source, long reporterId,
		Long assigneeId, long gridId, long communityId, long townId, String regionPath, String status, String flag,
		boolean selfHandled, Instant reportedAt, Instant closedAt, Instant disposalDeadline, Integer score,
		List<Step> steps) {

	public EventChanged {
		steps = List.copyOf(steps);
	}

	/** Still being worked on (neither closed nor rejected). */
	public boolean open() {
		return !"CLOSED".equals(this.status) && !"REJECTED".equals(this.status);
	}

	/** Past its handling time limit: flagged red now, or closed after the deadline. */
	public boolean overdue() {
		return "RED".equals(this.flag) || (this.closedAt != null && this.disposalDeadline != null
				&& this.closedAt.isAfter(this.disposalDeadline));
	}

	/**
	 * One flow step: the action code ({@code report}, {@code dispatch}, {@code verify}
	 * …), the statuses around it, who took it (null: the system), when.
	 */
	public record Step(String action, String fromStatus, String toStatus, Long actorId, Instant at) {
	}

}
