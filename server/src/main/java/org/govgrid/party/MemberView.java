package org.govgrid.party;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A party member as every response shows them: ID number and phone masked;
 * {@code personId} the registered person (实有人口) with the same ID number in the caller's
 * scope, or null.
 */
record MemberView(long id, String name, String gender, String idNumber, String phone, long organizationId,
		String organizationName, String status, LocalDate joinedOn, Long gridId, String gridName, boolean dualReport,
		Long personId, String externalId, int version, Instant createdAt, Instant updatedAt) {

	MemberView withPerson(Long personId) {
		return new MemberView(this.id, this.name, this.gender, this.idNumber, this.phone, this.organizationId,
				this.organizationName, this.status, this.joinedOn, this.gridId, this.gridName, this.dualReport,
				personId, this.externalId, this.version, this.createdAt, this.updatedAt);
	}

}
