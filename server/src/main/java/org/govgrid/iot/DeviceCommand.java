package org.govgrid.iot;

/**
 * A device as registered or edited: its code (unique, also the MQTT topic's
 * {@code {deviceCode}}), kind, where it stands (the grid follows from the point unless
 * named), the department that owns it; on edit {@code state} DISABLED takes it out of
 * service and any other state puts a disabled device back. A PUT replaces every field.
 */
record DeviceCommand(String code, String kind, String name, Double lon, Double lat, Long gridId, String address,
		Long ownerDepartmentId, String state, Integer version) {
}
