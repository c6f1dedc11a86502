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

/** 部件: public facilities. */
@RestController
@RequestMapping("/api/v1/things")
class ThingsController {

	private final Things things;

	ThingsController(Things things) {
		this.things = things;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('basedata:object:read')")
	PageResponse<ThingView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long gridId,
			@RequestParam(required = false) String type, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.things.list(new Things.Filter(q, gridId, type, status), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:object:read')")
	ThingView get(@PathVariable long id) {
		return this.things.view(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('basedata:object:write')")
	ThingView create(@RequestBody ThingCommand command) {
		return this.things.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:object:write')")
	ThingView update(@PathVariable long id, @RequestBody ThingCommand command) {
		return this.things.update(id, command, CurrentUser.require());
	}

}
