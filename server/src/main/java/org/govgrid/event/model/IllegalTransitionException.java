package org.govgrid.event.model;

/** A move the lifecycle does not allow from the current state, or by this actor (409). */
public class IllegalTransitionException extends RuntimeException {

	private final EventAction action;

	private final EventStatus status;

	public IllegalTransitionException(EventAction action, EventStatus status, String why) {
		super(action.code() + " is not allowed while " + status + ": " + why + " / 当前状态（" + status.label() + "）不能"
				+ action.label());
		this.action = action;
		this.status = status;
	}

	public EventAction action() {
		return this.action;
	}

	public EventStatus status() {
		return this.status;
	}

}
