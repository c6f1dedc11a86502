package org.govgrid.hotline.model;

import java.time.Instant;
import java.util.Objects;

/**
 * 延期申请: a handler asks for {@code days} more working days; the centre approves (the
 * order's deadline moves) or refuses, once. {@code PENDING → APPROVED | REFUSED}.
 */
public class Extension {

	/** The states of a request. */
	public enum Status {

		PENDING("待审批"), APPROVED("已同意"), REFUSED("已驳回");

		private final String label;

		Status(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	private final int days;

	private Status status;

	private Long decidedBy;

	private Instant decidedAt;

	private String note;

	private Extension(int days, Status status) {
		this.days = days;
		this.status = status;
	}

	/** A new request for 1–30 working days. */
	public static Extension request(int days) {
		if (days < 1 || days > 30) {
			throw new IllegalArgumentException("days must be 1–30");
		}
		return new Extension(days, Status.PENDING);
	}

	public static Extension restore(int days, Status status) {
		return new Extension(days, Objects.requireNonNull(status, "status"));
	}

	/** Approves it and moves the order's deadline {@code days} working days on. */
	public void approve(HotlineOrder order, WorkingDays calendar, long by, String note, Instant at) {
		requirePending();
		order.extendTo(calendar.after(order.deadline(), this.days));
		decide(Status.APPROVED, by, note, at);
	}

	/** Refuses it; the deadline stays. */
	public void refuse(long by, String note, Instant at) {
		requirePending();
		decide(Status.REFUSED, by, note, at);
	}

	private void requirePending() {
		if (this.status != Status.PENDING) {
			throw new IllegalMoveException("the request was already decided");
		}
	}

	private void decide(Status to, long by, String note, Instant at) {
		this.status = to;
		this.decidedBy = by;
		this.note = note;
		this.decidedAt = Objects.requireNonNull(at, "at");
	}

	public int days() {
		return this.days;
	}

	public Status status() {
		return this.status;
	}

	public Long decidedBy() {
		return this.decidedBy;
	}

	public Instant decidedAt() {
		return this.decidedAt;
	}

	public String note() {
		return this.note;
	}

}
