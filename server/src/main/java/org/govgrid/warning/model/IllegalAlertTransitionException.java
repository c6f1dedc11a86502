package org.govgrid.warning.model;

import org.govgrid.platform.IllegalTransitionException;

/**
 * A move the alert lifecycle does not allow from the current status (409
 * {@code illegal-transition}, mapped once in platform for every workflow).
 */
public class IllegalAlertTransitionException extends IllegalTransitionException {

	private final String action;

	private final AlertStatus status;

	public IllegalAlertTransitionException(String action, AlertStatus status) {
		super("预警", action, status.name(),
				action + " is not allowed while " + status + " / 当前状态（" + status.label() + "）不能执行该操作");
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
