package org.govgrid.party;

import org.govgrid.platform.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The province party-building system's push (idempotent by external id). */
@RestController
@RequestMapping("/api/v1/party/sync")
class PartySyncController {

	private final PartySync sync;

	PartySyncController(PartySync sync) {
		this.sync = sync;
	}

	@PutMapping("/organizations")
	@PreAuthorize("hasAuthority('party:sync')")
	PartySyncItems.Report organizations(@RequestBody PartySyncItems.Batch<PartySyncItems.OrganizationItem> batch) {
		return this.sync.organizations(batch.items(), CurrentUser.require());
	}

	@PutMapping("/members")
	@PreAuthorize("hasAuthority('party:sync')")
	PartySyncItems.Report members(@RequestBody PartySyncItems.Batch<PartySyncItems.MemberItem> batch) {
		return this.sync.members(batch.items(), CurrentUser.require());
	}

}
