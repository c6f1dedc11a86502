package org.govgrid.party;

import java.time.LocalDate;
import java.util.List;

/** 党建统计 of an area and a period (activities by when they were held, in Asia/Shanghai). */
record PartyStatsView(long regionId, LocalDate from, LocalDate to, long organizations, long members, long activities,
		List<TypeCount> organizationsByType, List<StatusCount> membersByStatus, List<TypeCount> byType,
		List<MonthCount> byMonth, long gridsWithoutOrganization, List<PartyOrganizationView.GridRef> uncoveredGrids,
		long placedMembers, long unplacedMembers, long dualReportMembers, List<Participation> participation,
		List<RegionCount> byRegion) {

	record TypeCount(String type, long count) {
	}

	record StatusCount(String status, long count) {
	}

	record MonthCount(String month, long count) {
	}

	/**
	 * An organisation's turnout in the period: {@code rate} is participants over members
	 * × activities (0 when either is 0).
	 */
	record Participation(long organizationId, String name, long members, long activities, long participants,
			double rate) {
	}

	record RegionCount(long regionId, String name, long organizations, long members, long activities) {
	}

}
