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

/** 矛盾纠纷 and their mediation steps. */
@RestController
@RequestMapping("/api/v1/disputes")
class DisputesController {

	private final Disputes disputes;

	DisputesController(Disputes disputes) {
		this.disputes = disputes;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('basedata:situation:read')")
	PageResponse<DisputeView> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) Long gridId, @RequestParam(required = false) String type,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.disputes.list(new Disputes.Filter(q, gridId, type, status), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:situation:read')")
	DisputeView get(@PathVariable long id) {
		return this.disputes.view(id, CurrentUser.require());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('basedata:situation:write')")
	DisputeView create(@RequestBody DisputeCommand command) {
		return this.disputes.create(command, CurrentUser.require());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:situation:write')")
	DisputeView update(@PathVariable long id, @RequestBody DisputeCommand command) {
		return this.disputes.update(id, command, CurrentUser.require());
	}

	@PostMapping("/{id}/steps")
	@PreAuthorize("hasAuthority('basedata:situation:write')")
	DisputeView step(@PathVariable long id, @RequestBody DisputeCommand.Step command) {
		return this.disputes.step(id, command, CurrentUser.require());
	}

}
