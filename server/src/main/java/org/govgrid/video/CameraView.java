package org.govgrid.video;

import java.time.Instant;

/** A registered camera; {@code streamKind} tells the player which library to use. */
record CameraView(long id, String deviceId, String typeCode, String name, double lon, double lat, long gridId,
		String gridName, String address, String streamUrl, String streamKind, String status, String ownerUnit,
		int version, Instant createdAt, Instant updatedAt) {
}
