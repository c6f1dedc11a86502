package org.govgrid.party;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Party members: list, detail, create, change and the audited unmask. */
@RestController
@RequestMapping("/api/v1/party/members")
class PartyMembersController {

	private final PartyMembers members;

	PartyMembersController(PartyMembers members) {
		this.members = members;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('party:member:read')")
	PageResponse<MemberView> list(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Long gridId, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String status, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) Boolean placed, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.members.list(new MemberQueries.Filter(organizationId, gridId, regionId, status, keyword, placed),
				new PageQuery(page, size), CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('party:member:read')")
	MemberView get(@PathVariable long id) {
		return this.members.view(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('party:member:manage')")
	MemberView create(@RequestBody MemberCommand command) {
		return this.members.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('party:member:manage')")
	MemberView update(@PathVariable long id, @RequestBody MemberCommand command) {
		return this.members.update(id, command, CurrentUser.require());
	}

	@PostMapping("/{id}/unmask")
	@PreAuthorize("hasAuthority('party:member:read') and hasAuthority('person:unmask')")
	PartyMembers.Identifiers unmask(@PathVariable long id) {
		return this.members.unmask(id, CurrentUser.require());
	}

}
