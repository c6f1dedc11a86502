package org.govgrid.iot.model;

import java.util.Arrays;
import java.util.Optional;

/** What a device's message says; it moves the device's state as {@link #apply} tells. */
public enum MessageType {

	TELEMETRY, ALARM, ALARM_CLEARED;

	public static Optional<MessageType> of(String value) {
		return value == null ? Optional.empty()
				: Arrays.stream(values()).filter(t -> t.name().equals(value.strip())).findFirst();
	}

	/** The state after a message of this type (throws for a disabled device). */
	public DeviceState apply(DeviceState state) {
		return switch (this) {
			case TELEMETRY -> state.heard();
			case ALARM -> state.alarmed();
			case ALARM_CLEARED -> state.cleared();
		};
	}

}
