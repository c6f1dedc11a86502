package org.govgrid.iot.model;

/**
 * 设备状态. A device is ONLINE while it reports, ALARM from an alarm until the alarm is
 * cleared, OFFLINE once it has been silent too long (until it is heard again), DISABLED
 * when a person takes it out of service: a disabled device's messages are refused and
 * only enabling it brings it back (OFFLINE until it is heard).
 */
public enum DeviceState {

	ONLINE("在线"), OFFLINE("离线"), ALARM("告警"), DISABLED("停用");

	private final String label;

	DeviceState(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Telemetry arrived: a silent device is back; an alarm stays until cleared. */
	public DeviceState heard() {
		requireInService("telemetry");
		return this == ALARM ? ALARM : ONLINE;
	}

	/** An alarm arrived. */
	public DeviceState alarmed() {
		requireInService("an alarm");
		return ALARM;
	}

	/** The device says its alarm is over (also from a device not known to alarm). */
	public DeviceState cleared() {
		requireInService("an alarm clearance");
		return ONLINE;
	}

	/**
	 * No message for the configured time: only a reporting device goes offline (an alarm
	 * stays an alarm until someone sees to it).
	 */
	public DeviceState silent() {
		if (this != ONLINE) {
			throw new IllegalDeviceTransitionException(this, "silent",
					"only an online device goes offline / 仅在线设备可判为离线");
		}
		return OFFLINE;
	}

	public DeviceState disable() {
		if (this == DISABLED) {
			throw new IllegalDeviceTransitionException(this, "disable", "already disabled / 设备已停用");
		}
		return DISABLED;
	}

	/** Back in service: offline until its next message. */
	public DeviceState enable() {
		if (this != DISABLED) {
			throw new IllegalDeviceTransitionException(this, "enable",
					"only a disabled device can be enabled / 仅停用的设备可启用");
		}
		return OFFLINE;
	}

	/** Whether a silent device in this state is flagged offline by the job. */
	public boolean goesSilent() {
		return this == ONLINE;
	}

	private void requireInService(String what) {
		if (this == DISABLED) {
			throw new IllegalDeviceTransitionException(this, what, "a disabled device takes no " + what + " / 设备已停用");
		}
	}

}
