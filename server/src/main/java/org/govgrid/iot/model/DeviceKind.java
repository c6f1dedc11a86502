package org.govgrid.iot.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** 设备类型 (标准 7.4): what a device measures; V37 maps each to an event category. */
public enum DeviceKind {

	SMOKE_DETECTOR, GAS_DETECTOR, WATER_LEVEL, MANHOLE_COVER, HYDRANT_PRESSURE, CAMERA;

	public static Optional<DeviceKind> of(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String wanted = value.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(k -> k.name().equals(wanted)).findFirst();
	}

}
