package org.govgrid.basedata;

import java.time.Instant;
import java.time.LocalDate;

/** A thing (部件): a manhole cover, hydrant, street light, camera or sensor. */
public record ThingView(long id, String code, String type, String typeName, String name, String address,
		String ownerUnit, double lon, double lat, long gridId, String gridName, String status, String statusName,
		LocalDate validFrom, LocalDate validTo, int version, Instant createdAt, Instant updatedAt) {
}
