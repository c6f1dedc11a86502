package org.govgrid.supervision.model;

/** A move the supervision item does not allow as it stands (409). */
public class IllegalSupervisionTransitionException extends RuntimeException {

	private final String action;

	private final SupervisionState state;

	public IllegalSupervisionTransitionException(String action, SupervisionState state, String why) {
		super(action + " is not allowed while " + state + ": " + why + " / 当前状态（" + state.label() + "）不能执行该操作");
		this.action = action;
		this.state = state;
	}

	public String action() {
		return this.action;
	}

	public SupervisionState state() {
		return this.state;
	}

}
