package org.govgrid.basedata;

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

/** 非公有制经济组织 and 社会组织. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationsController {

	private final Organizations organizations;

	OrganizationsController(Organizations organizations) {
		this.organizations = organizations;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('basedata:object:read')")
	PageResponse<OrganizationView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long gridId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String hazardType, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.organizations.list(new Organizations.Filter(q, gridId, kind, hazardType), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:object:read')")
	OrganizationView get(@PathVariable long id) {
		return this.organizations.view(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('basedata:object:write')")
	OrganizationView create(@RequestBody OrganizationCommand command) {
		return this.organizations.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:object:write')")
	OrganizationView update(@PathVariable long id, @RequestBody OrganizationCommand command) {
		return this.organizations.update(id, command, CurrentUser.require());
	}

}
