package org.govgrid.video;

/**
 * A camera as registered or edited: its GB/T 28181 id, where it stands (the grid follows
 * from the point unless named), its stream and status. A PUT replaces every field.
 */
record CameraCommand(String deviceId, String name, Double lon, Double lat, Long gridId, String address,
		String streamUrl, String status, String ownerUnit, Integer version) {
}
