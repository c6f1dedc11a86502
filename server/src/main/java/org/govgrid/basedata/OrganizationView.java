package org.govgrid.basedata;

import java.time.Instant;
import java.time.LocalDate;

/** A non-public economic or social organisation. */
public record OrganizationView(long id, String name, String kind, String kindName, String creditCode,
		String legalRepresentative, Integer staffCount, String hazardType, String hazardTypeName,
		Integer partyMemberCount, boolean hasPartyOrg, String address, long gridId, String gridName, Double lon,
		Double lat, String status, LocalDate validFrom, LocalDate validTo, int version, Instant createdAt,
		Instant updatedAt) {
}
