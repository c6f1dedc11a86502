package org.govgrid.hotline.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A 12345 work order's lifecycle: {@code OPEN → REPLIED} when its event closes, then the
 * return call: {@code RETURN_VISITED} (satisfied or basically) or {@code REOPENED}
 * (unsatisfied: the event goes back to work), and {@code REOPENED → REPLIED} again. Its
 * deadline moves only by an approved extension while it is in work.
 */
public class HotlineOrder {

	private OrderStatus status;

	private LocalDate deadline;

	private String reply;

	private Instant repliedAt;

	private Satisfaction satisfaction;

	private String visitNote;

	private Instant visitedAt;

	private int reopenCount;

	private HotlineOrder() {
	}

	/** A fresh order due on {@code deadline}. */
	public static HotlineOrder open(LocalDate deadline) {
		HotlineOrder order = new HotlineOrder();
		order.status = OrderStatus.OPEN;
		order.deadline = Objects.requireNonNull(deadline, "deadline");
		return order;
	}

	public static HotlineOrder restore(State state) {
		HotlineOrder order = new HotlineOrder();
		order.status = Objects.requireNonNull(state.status(), "status");
		order.deadline = Objects.requireNonNull(state.deadline(), "deadline");
		order.reply = state.reply();
		order.repliedAt = state.repliedAt();
		order.satisfaction = state.satisfaction();
		order.visitNote = state.visitNote();
		order.visitedAt = state.visitedAt();
		order.reopenCount = state.reopenCount();
		return order;
	}

	public State state() {
		return new State(this.status, this.deadline, this.reply, this.repliedAt, this.satisfaction, this.visitNote,
				this.visitedAt, this.reopenCount);
	}

	/** 答复: the event closed with {@code reply} (its resolution). */
	public void reply(String reply, Instant at) {
		require(this.status.inWork(), "only an order in work is replied to");
		this.reply = reply == null || reply.isBlank() ? "已办结" : reply;
		this.repliedAt = Objects.requireNonNull(at, "at");
		this.status = OrderStatus.REPLIED;
	}

	/**
	 * 回访: the caller's answer after the reply. Unsatisfied reopens the order (the caller
	 * then reopens its event); the answer and note are kept either way.
	 */
	public void returnVisit(Satisfaction answer, String note, Instant at) {
		Objects.requireNonNull(answer, "answer");
		require(this.status == OrderStatus.REPLIED, "only a replied order gets a return call");
		this.satisfaction = answer;
		this.visitNote = note;
		this.visitedAt = Objects.requireNonNull(at, "at");
		if (answer == Satisfaction.UNSATISFIED) {
			this.status = OrderStatus.REOPENED;
			this.reopenCount++;
		}
		else {
			this.status = OrderStatus.RETURN_VISITED;
		}
	}

	/** An extension may be asked for only while the order is in work. */
	public void requireInWork() {
		require(this.status.inWork(), "only an order in work can be extended");
	}

	/** An approved extension: the deadline moves to {@code newDeadline} (later). */
	public void extendTo(LocalDate newDeadline) {
		requireInWork();
		require(newDeadline.isAfter(this.deadline), "an extension moves the deadline later");
		this.deadline = newDeadline;
	}

	private static void require(boolean condition, String why) {
		if (!condition) {
			throw new IllegalMoveException(why);
		}
	}

	public OrderStatus status() {
		return this.status;
	}

	public LocalDate deadline() {
		return this.deadline;
	}

	public String reply() {
		return this.reply;
	}

	public Satisfaction satisfaction() {
		return this.satisfaction;
	}

	/** The stored form. */
	public record State(OrderStatus status, LocalDate deadline, String reply, Instant repliedAt,
			Satisfaction satisfaction, String visitNote, Instant visitedAt, int reopenCount) {
	}

}
