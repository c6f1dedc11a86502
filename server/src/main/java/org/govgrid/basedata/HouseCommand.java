package org.govgrid.basedata;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A house as entered or imported; its address is its natural key. On update an absent
 * {@code rented} keeps the stored value (adding a tenant sets it).
 */
public record HouseCommand(String address, String building, String unit, String room, String use, BigDecimal area,
		String ownerName, Boolean rented, Long gridId, Double lon, Double lat, String status, LocalDate validFrom,
		LocalDate validTo, Integer version) {
}
