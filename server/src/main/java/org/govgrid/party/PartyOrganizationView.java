package org.govgrid.party;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A party organisation as every response shows it. */
record PartyOrganizationView(long id, String code, String name, String type, Long parentId, String parentName,
		long regionId, String regionName, List<Long> gridIds, List<GridRef> grids, String secretaryName,
		LocalDate foundedOn, long memberCount, String externalId, int version, Instant createdAt, Instant updatedAt) {

	/** A grid as lists name it. */
	record GridRef(long id, String code, String name) {
	}

}
