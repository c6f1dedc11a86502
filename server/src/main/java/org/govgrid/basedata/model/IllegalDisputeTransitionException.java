package org.govgrid.basedata.model;

/** A step the mediation lifecycle does not allow from the current status (409). */
public class IllegalDisputeTransitionException extends RuntimeException {

	private final DisputeAction action;

	private final DisputeStatus status;

	public IllegalDisputeTransitionException(DisputeAction action, DisputeStatus status) {
		super(action + " is not allowed while " + status + " / 当前状态不能执行该操作");
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
