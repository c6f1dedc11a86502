package org.govgrid.supervision.model;

import org.govgrid.platform.IllegalTransitionException;

/**
 * A move the supervision item does not allow as it stands (409
 * {@code illegal-transition}, mapped once in platform for every workflow).
 */
public class IllegalSupervisionTransitionException extends IllegalTransitionException {

	private final String action;

	private final SupervisionState state;

	public IllegalSupervisionTransitionException(String action, SupervisionState state, String why) {
		super("督办", action, state.name(),
				action + " is not allowed while " + state + ": " + why + " / 当前状态（" + state.label() + "）不能执行该操作");
		this.action = action;
		this.state = state;
	}

	public String action() {
		return this.action;
	}

	public SupervisionState state() {
		return this.state;
	}

	/** Supervision items call their lifecycle {@code state} in the API. */
	@Override
	public String stateProperty() {
		return "state";
	}

}
