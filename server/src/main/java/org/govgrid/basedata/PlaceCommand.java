package org.govgrid.basedata;

import java.time.LocalDate;

/** A place (场所) as entered: a shop, school, hazard site... optionally in a house. */
public record PlaceCommand(String name, String type, String address, Long houseId, String contactName,
		String hazardLevel, Long gridId, Double lon, Double lat, String status, LocalDate validFrom, LocalDate validTo,
		Integer version) {
}
