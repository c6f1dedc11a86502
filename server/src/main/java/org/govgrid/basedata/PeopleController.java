package org.govgrid.basedata;

import java.util.List;

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

/**
 * 实有人口. Identifiers never travel in a URL: exact lookup by ID number or phone is a POST,
 * and revealing them is a POST that is audited.
 */
@RestController
@RequestMapping("/api/v1/people")
class PeopleController {

	private final People people;

	PeopleController(People people) {
		this.people = people;
	}

	record LookupCommand(String identifier) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('basedata:person:read')")
	PageResponse<PersonView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long gridId,
			@RequestParam(required = false) String householdType, @RequestParam(required = false) String tag,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.people.list(new People.Filter(q, gridId, householdType, tag, status), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:person:read')")
	PersonView get(@PathVariable long id) {
		return this.people.view(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('basedata:person:write')")
	PersonView create(@RequestBody PersonCommand command) {
		return this.people.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:person:write')")
	PersonView update(@PathVariable long id, @RequestBody PersonCommand command) {
		return this.people.update(id, command, CurrentUser.require());
	}

	@PostMapping("/{id}/unmask")
	@PreAuthorize("hasAuthority('person:unmask')")
	People.Identifiers unmask(@PathVariable long id) {
		return this.people.unmask(id, CurrentUser.require());
	}

	@PostMapping("/lookup")
	@PreAuthorize("hasAuthority('basedata:person:read')")
	List<PersonView> lookup(@RequestBody LookupCommand command) {
		return this.people.lookup(command == null ? null : command.identifier(), CurrentUser.require());
	}

	@GetMapping("/key-groups")
	@PreAuthorize("hasAuthority('basedata:person:read')")
	java.util.Map<String, List<KeyGroups.Field>> keyGroups() {
		return KeyGroups.FIELDS;
	}

}
