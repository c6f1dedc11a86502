package org.govgrid.supervision.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One 督办: {@code OPEN} until the unit answers ({@code ANSWERED}; it may answer again),
 * {@code CLOSED} by the supervising side. Reminders (催办) are possible until it is closed.
 * It is overdue while its deadline has passed and it is not closed (or if it was closed
 * late); the overdue notice is marked once.
 */
public class SupervisionItem {

	public static final String RESPOND = "respond";

	public static final String REMIND = "remind";

	public static final String CLOSE = "close";

	private SupervisionState state;

	private final Instant deadline;

	private Instant answeredAt;

	private Instant closedAt;

	private Instant overdueAt;

	private SupervisionItem(SupervisionState state, Instant deadline, Instant answeredAt, Instant closedAt,
			Instant overdueAt) {
		this.state = Objects.requireNonNull(state, "state");
		this.deadline = Objects.requireNonNull(deadline, "deadline");
		this.answeredAt = answeredAt;
		this.closedAt = closedAt;
		this.overdueAt = overdueAt;
	}

	/** A new item, opened at {@code now}, due by {@code deadline} (after now). */
	public static SupervisionItem open(Instant deadline, Instant now) {
		if (!deadline.isAfter(now)) {
			throw new IllegalArgumentException("the deadline must be after the supervision");
		}
		return new SupervisionItem(SupervisionState.OPEN, deadline, null, null, null);
	}

	public static SupervisionItem restore(SupervisionState state, Instant deadline, Instant answeredAt,
			Instant closedAt, Instant overdueAt) {
		return new SupervisionItem(state, deadline, answeredAt, closedAt, overdueAt);
	}

	/** 反馈 by the unit: the first answer counts for the answer time. */
	public void respond(Instant now) {
		requireNotClosed(RESPOND);
		this.state = SupervisionState.ANSWERED;
		if (this.answeredAt == null) {
			this.answeredAt = now;
		}
	}

	/** 催办: nothing changes but the record of it; not once it is closed. */
	public void remind() {
		requireNotClosed(REMIND);
	}

	/** 办结 by the supervising side, answered or not. */
	public void close(Instant now) {
		requireNotClosed(CLOSE);
		this.state = SupervisionState.CLOSED;
		this.closedAt = now;
	}

	/** Whether the overdue job should mark it (and tell the unit and leaders) now. */
	public boolean dueForOverdueNotice(Instant now) {
		return this.state != SupervisionState.CLOSED && now.isAfter(this.deadline) && this.overdueAt == null;
	}

	/**
	 * Marks it overdue, once: only while open past its deadline and not marked before.
	 */
	public void markOverdue(Instant now) {
		requireNotClosed("mark-overdue");
		if (!now.isAfter(this.deadline)) {
			throw new IllegalSupervisionTransitionException("mark-overdue", this.state, "the deadline has not passed");
		}
		if (this.overdueAt != null) {
			throw new IllegalSupervisionTransitionException("mark-overdue", this.state, "already marked overdue");
		}
		this.overdueAt = now;
	}

	/** Past the deadline while not closed, or closed after it. */
	public boolean overdue(Instant now) {
		return this.closedAt == null ? now.isAfter(this.deadline) : this.closedAt.isAfter(this.deadline);
	}

	/** What the lifecycle allows now (permissions are the caller's business). */
	public List<String> possibleActions() {
		List<String> actions = new ArrayList<>();
		if (this.state != SupervisionState.CLOSED) {
			actions.addAll(List.of(RESPOND, REMIND, CLOSE));
		}
		return actions;
	}

	private void requireNotClosed(String action) {
		if (this.state == SupervisionState.CLOSED) {
			throw new IllegalSupervisionTransitionException(action, this.state, "the item is closed");
		}
	}

	public SupervisionState state() {
		return this.state;
	}

	public Instant deadline() {
		return this.deadline;
	}

	public Instant answeredAt() {
		return this.answeredAt;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public Instant overdueAt() {
		return this.overdueAt;
	}

}
