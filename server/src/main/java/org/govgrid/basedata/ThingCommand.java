package org.govgrid.basedata;

import java.time.LocalDate;

/**
 * A thing (部件) as entered or imported; its code is the natural key, its location
 * required.
 */
public record ThingCommand(String code, String type, String name, String address, String ownerUnit, Double lon,
		Double lat, Long gridId, String status, LocalDate validFrom, LocalDate validTo, Integer version) {
}
