package org.govgrid.basedata;

import java.time.LocalDate;

/**
 * An organisation as entered or imported; the unified social credit code is its natural
 * key.
 */
public record OrganizationCommand(String name, String kind, String creditCode, String legalRepresentative,
		Integer staffCount, String hazardType, Integer partyMemberCount, Boolean hasPartyOrg, String address,
		Long gridId, Double lon, Double lat, String status, LocalDate validFrom, LocalDate validTo, Integer version) {
}
