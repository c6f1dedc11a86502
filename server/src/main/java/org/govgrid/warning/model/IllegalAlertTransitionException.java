package org.govgrid.warning.model;

/** A move the alert lifecycle does not allow from the current status (409). */
public class IllegalAlertTransitionException extends RuntimeException {

	private final String action;

	private final AlertStatus status;

	public IllegalAlertTransitionException(String action, AlertStatus status) {
		super(action + " is not allowed while " + status + " / 当前状态（" + status.label() + "）不能执行该操作");
		this.action = action;
		this.status = status;
	}

	public String action() {
		return this.action;
	}

	public AlertStatus status() {
		return this.status;
	}

}
