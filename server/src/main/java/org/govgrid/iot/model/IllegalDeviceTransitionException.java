package org.govgrid.iot.model;

/** A move the device's state does not allow. */
public class IllegalDeviceTransitionException extends RuntimeException {

	private final DeviceState state;

	public IllegalDeviceTransitionException(DeviceState state, String why) {
		super(state + ": " + why);
		this.state = state;
	}

	public DeviceState state() {
		return this.state;
	}

}
