package org.govgrid.party;

import java.util.List;

import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;

/**
 * The organisations most party tests start from, made by {@code center} over HTTP: a 党委
 * of the town and a 党支部 under it in the community, placed in worker1's grid.
 */
record PartyTree(long committee, long branch, String branchCode, long grid) {

	static PartyTree create(Accounts accounts, ApiClient center, String committeeName, String branchName) {
		long town = accounts.region(PartyOrganizationsIT.TOWN).id();
		long community = accounts.region(PartyOrganizationsIT.COMMUNITY).id();
		long grid = accounts.region(PartyOrganizationsIT.WORKER1_GRID).id();
		long committee = PartyOrganizationsIT.created(center.post("/api/v1/party/organizations",
				PartyOrganizationsIT.organization(committeeName, "COMMITTEE", null, town, List.of())));
		Response branch = center.post("/api/v1/party/organizations",
				PartyOrganizationsIT.organization(branchName, "BRANCH", committee, community, List.of(grid)));
		return new PartyTree(committee, PartyOrganizationsIT.created(branch), branch.json().path("code").asString(),
				grid);
	}

}
