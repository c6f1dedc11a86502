package org.govgrid.iot.model;

import org.govgrid.platform.IllegalTransitionException;

/**
 * A move the device's state does not allow (409 {@code illegal-transition}, mapped once
 * in platform for every workflow).
 */
public class IllegalDeviceTransitionException extends IllegalTransitionException {

	private final DeviceState state;

	public IllegalDeviceTransitionException(DeviceState state, String action, String why) {
		super("物联设备", action, state.name(), state + ": " + why);
		this.state = state;
	}

	public DeviceState state() {
		return this.state;
	}

}
