package org.govgrid.party;

import java.time.LocalDate;

/**
 * A party member as entered. On update an absent {@code idNumber} or {@code phone} keeps
 * the stored one (clients only ever see them masked); an empty phone removes it.
 */
record MemberCommand(String name, String gender, String idNumber, String phone, Long organizationId, String status,
		LocalDate joinedOn, Long gridId, Boolean dualReport, Integer version) {

	MemberCommand withOrganization(Long organizationId) {
		return new MemberCommand(this.name, this.gender, this.idNumber, this.phone, organizationId, this.status,
				this.joinedOn, this.gridId, this.dualReport, this.version);
	}

	MemberCommand withVersion(Integer version) {
		return new MemberCommand(this.name, this.gender, this.idNumber, this.phone, this.organizationId, this.status,
				this.joinedOn, this.gridId, this.dualReport, version);
	}

}
