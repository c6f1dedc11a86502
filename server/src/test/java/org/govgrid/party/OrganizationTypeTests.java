package org.govgrid.party;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 党委 → 党总支 → 党支部 → 党小组: a child strictly below its parent; only a 党委 alone. */
class OrganizationTypeTests {

	@Test
	void aChildHangsStrictlyBelowItsParent() {
		assertThat(OrganizationType.GENERAL_BRANCH.mayHangUnder(OrganizationType.COMMITTEE)).isTrue();
		assertThat(OrganizationType.BRANCH.mayHangUnder(OrganizationType.COMMITTEE)).isTrue();
		assertThat(OrganizationType.BRANCH.mayHangUnder(OrganizationType.GENERAL_BRANCH)).isTrue();
		assertThat(OrganizationType.GROUP.mayHangUnder(OrganizationType.BRANCH)).isTrue();
		assertThat(OrganizationType.BRANCH.mayHangUnder(OrganizationType.BRANCH)).isFalse();
		assertThat(OrganizationType.COMMITTEE.mayHangUnder(OrganizationType.COMMITTEE)).isFalse();
		assertThat(OrganizationType.GENERAL_BRANCH.mayHangUnder(OrganizationType.GROUP)).isFalse();
		assertThat(OrganizationType.COMMITTEE.mayHangUnder(OrganizationType.GROUP)).isFalse();
		assertThat(OrganizationType.GROUP.mayHangUnder(null)).isFalse();
	}

	@Test
	void onlyACommitteeStandsAlone() {
		assertThat(OrganizationType.COMMITTEE.mayStandAlone()).isTrue();
		assertThat(OrganizationType.GENERAL_BRANCH.mayStandAlone()).isFalse();
		assertThat(OrganizationType.BRANCH.mayStandAlone()).isFalse();
		assertThat(OrganizationType.GROUP.mayStandAlone()).isFalse();
	}

	@Test
	void typesAreReadWhateverTheirCase() {
		assertThat(OrganizationType.parse(" branch ")).contains(OrganizationType.BRANCH);
		assertThat(OrganizationType.parse("CELL")).isEmpty();
		assertThat(OrganizationType.parse(null)).isEmpty();
	}

}
