package org.govgrid.party;

import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
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

/** Party organisations: list, tree, detail, create and change. */
@RestController
@RequestMapping("/api/v1/party/organizations")
class PartyOrganizationsController {

	private final PartyOrganizations organizations;

	private final RegionService regions;

	PartyOrganizationsController(PartyOrganizations organizations, RegionService regions) {
		this.organizations = organizations;
		this.regions = regions;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('party:organization:read')")
	PageResponse<PartyOrganizationView> list(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String type, @RequestParam(required = false) Long parentId,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.organizations.list(new PartyOrganizations.Filter(regionId, type, parentId, keyword),
				new PageQuery(page, size), CurrentUser.require(), this.regions);
	}

	@GetMapping("/tree")
	@PreAuthorize("hasAuthority('party:organization:read')")
	List<OrganizationTree> tree(@RequestParam(required = false) Long regionId) {
		ScopedPrincipal caller = CurrentUser.require();
		return OrganizationTree.of(this.organizations.all(PartyScopes.area(this.regions, regionId, caller)));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('party:organization:read')")
	PartyOrganizationView get(@PathVariable long id) {
		return this.organizations.view(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('party:organization:manage')")
	PartyOrganizationView create(@RequestBody PartyOrganizationCommand command) {
		return this.organizations.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('party:organization:manage')")
	PartyOrganizationView update(@PathVariable long id, @RequestBody PartyOrganizationCommand command) {
		return this.organizations.update(id, command, CurrentUser.require());
	}

}
