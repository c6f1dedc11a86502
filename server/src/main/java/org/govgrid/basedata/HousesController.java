package org.govgrid.basedata;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 实有房屋 and their tenants. */
@RestController
@RequestMapping("/api/v1/houses")
class HousesController {

	private final Houses houses;

	HousesController(Houses houses) {
		this.houses = houses;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('basedata:object:read')")
	PageResponse<HouseView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long gridId,
			@RequestParam(required = false) String use, @RequestParam(required = false) Boolean rented,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.houses.list(new Houses.Filter(q, gridId, use, rented), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:object:read')")
	HouseView get(@PathVariable long id) {
		return this.houses.view(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('basedata:object:write')")
	HouseView create(@RequestBody HouseCommand command) {
		return this.houses.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:object:write')")
	HouseView update(@PathVariable long id, @RequestBody HouseCommand command) {
		return this.houses.update(id, command, CurrentUser.require());
	}

	@PostMapping("/{id}/tenants")
	@PreAuthorize("hasAuthority('basedata:object:write')")
	HouseView addTenant(@PathVariable long id, @RequestBody Houses.TenantCommand command) {
		return this.houses.addTenant(id, command, CurrentUser.require());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('basedata:object:write')")
	void delete(@PathVariable long id) {
		this.houses.delete(id, CurrentUser.require());
	}

	@DeleteMapping("/{id}/tenants/{personId}")
	@PreAuthorize("hasAuthority('basedata:object:write')")
	HouseView removeTenant(@PathVariable long id, @PathVariable long personId) {
		return this.houses.removeTenant(id, personId, CurrentUser.require());
	}

}
