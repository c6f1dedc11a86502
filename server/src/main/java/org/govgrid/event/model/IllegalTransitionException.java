package org.govgrid.event.model;

/**
 * A move the event lifecycle does not allow from the current state, or by this actor (409
 * {@code illegal-transition}, mapped once in platform for every workflow).
 */
public class IllegalTransitionException extends org.govgrid.platform.IllegalTransitionException {

	private final EventAction action;

	private final EventStatus status;

	public IllegalTransitionException(EventAction action, EventStatus status, String why) {
		super("事件", action.code(), status.name(), action.code() + " is not allowed while " + status + ": " + why
				+ " / 当前状态（" + status.label() + "）不能" + action.label());
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
