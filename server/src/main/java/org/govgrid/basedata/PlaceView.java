package org.govgrid.basedata;

import java.time.Instant;
import java.time.LocalDate;

/** A place (场所). */
public record PlaceView(long id, String name, String type, String typeName, String address, Long houseId,
		String houseAddress, String contactName, String hazardLevel, long gridId, String gridName, Double lon,
		Double lat, String status, LocalDate validFrom, LocalDate validTo, int version, Instant createdAt,
		Instant updatedAt) {
}
