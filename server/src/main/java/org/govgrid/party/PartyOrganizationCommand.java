package org.govgrid.party;

import java.time.LocalDate;
import java.util.List;

/**
 * A party organisation as entered: its type, parent, region and the grids it is placed
 * in; {@code code} is generated when blank; {@code version} guards an update.
 */
record PartyOrganizationCommand(String code, String name, String type, Long parentId, Long regionId, List<Long> gridIds,
		String secretaryName, LocalDate foundedOn, Integer version) {
}
