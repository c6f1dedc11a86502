package org.govgrid.basedata.model;

import org.govgrid.platform.IllegalTransitionException;

/**
 * A step the mediation lifecycle does not allow from the current status (409
 * {@code illegal-transition}, mapped once in platform for every workflow).
 */
public class IllegalDisputeTransitionException extends IllegalTransitionException {

	private final DisputeAction action;

	private final DisputeStatus status;

	public IllegalDisputeTransitionException(DisputeAction action, DisputeStatus status) {
		super("纠纷调解", action.name(), status.name(), action + " is not allowed while " + status + " / 当前状态不能执行该操作");
		this.action = action;
		this.status = status;
	}

	public DisputeAction action() {
		return this.action;
	}

	public DisputeStatus status() {
		return this.status;
	}

}
