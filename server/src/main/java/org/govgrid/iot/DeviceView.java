package org.govgrid.iot;

import java.time.Instant;

/** A registered device as the console shows it. */
record DeviceView(long id, String code, String kind, String kindName, String name, long gridId, String gridName,
		double lon, double lat, String address, Long ownerDepartmentId, String ownerDepartmentName, String state,
		Integer battery, Instant lastSeenAt, int version, Instant createdAt, Instant updatedAt) {

	DeviceView withOwnerName(String ownerName) {
		return new DeviceView(this.id, this.code, this.kind, this.kindName, this.name, this.gridId, this.gridName,
				this.lon, this.lat, this.address, this.ownerDepartmentId, ownerName, this.state, this.battery,
				this.lastSeenAt, this.version, this.createdAt, this.updatedAt);
	}

}
