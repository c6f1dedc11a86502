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

/** 场所. */
@RestController
@RequestMapping("/api/v1/places")
class PlacesController {

	private final Places places;

	PlacesController(Places places) {
		this.places = places;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('basedata:object:read')")
	PageResponse<PlaceView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Long gridId,
			@RequestParam(required = false) String type, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.places.list(new Places.Filter(q, gridId, type), new PageQuery(page, size), CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:object:read')")
	PlaceView get(@PathVariable long id) {
		return this.places.view(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('basedata:object:write')")
	PlaceView create(@RequestBody PlaceCommand command) {
		return this.places.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:object:write')")
	PlaceView update(@PathVariable long id, @RequestBody PlaceCommand command) {
		return this.places.update(id, command, CurrentUser.require());
	}

}
