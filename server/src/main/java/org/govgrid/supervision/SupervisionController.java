package org.govgrid.supervision;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.supervision.SupervisionViews.CommentCommand;
import org.govgrid.supervision.SupervisionViews.CreateCommand;
import org.govgrid.supervision.SupervisionViews.Detail;
import org.govgrid.supervision.SupervisionViews.Item;
import org.govgrid.supervision.SupervisionViews.RespondCommand;
import org.govgrid.supervision.SupervisionViews.TallyRow;
import org.govgrid.supervision.model.SupervisionItem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervision items: list, detail, tally, create, respond, remind, close
 * ({@code docs/api/supervision.md}).
 */
@RestController
@RequestMapping("/api/v1/supervision")
class SupervisionController {

	static final String READ = "supervision:item:read";

	static final String RESPOND = "supervision:item:respond";

	static final String MANAGE = "supervision:item:manage";

	private final SupervisionItems items;

	private final SupervisionQueries queries;

	SupervisionController(SupervisionItems items, SupervisionQueries queries) {
		this.items = items;
		this.queries = queries;
	}

	/** The permission an item action needs. */
	static String permissionFor(String action) {
		return SupervisionItem.RESPOND.equals(action) ? RESPOND : MANAGE;
	}

	@GetMapping("/items")
	@PreAuthorize("hasAuthority('supervision:item:read')")
	PageResponse<Item> list(@RequestParam(required = false) String state, @RequestParam(required = false) String level,
			@RequestParam(required = false) String unitKind, @RequestParam(required = false) Long unitId,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long eventId,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.queries.list(new SupervisionQueries.Filter(state, level, unitKind, unitId, regionId, eventId),
				new PageQuery(page, size), CurrentUser.require());
	}

	@GetMapping("/items/{id}")
	@PreAuthorize("hasAuthority('supervision:item:read')")
	Detail get(@PathVariable long id) {
		return this.queries.detail(id, CurrentUser.require());
	}

	@GetMapping("/tally")
	@PreAuthorize("hasAuthority('supervision:item:read')")
	List<TallyRow> tally(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
		return this.queries.tally(regionId, from, to, CurrentUser.require());
	}

	@PostMapping("/items")
	@PreAuthorize("hasAuthority('supervision:item:manage')")
	ResponseEntity<Detail> create(@RequestBody CreateCommand command) {
		ScopedPrincipal caller = CurrentUser.require();
		long id = this.items.create(command, caller);
		return ResponseEntity.created(URI.create("/api/v1/supervision/items/" + id))
			.body(this.queries.detail(id, caller));
	}

	@PostMapping("/items/{id}/respond")
	@PreAuthorize("hasAuthority('supervision:item:respond')")
	Detail respond(@PathVariable long id, @RequestBody RespondCommand command) {
		ScopedPrincipal caller = CurrentUser.require();
		this.items.respond(id, command, caller);
		return this.queries.detail(id, caller);
	}

	@PostMapping("/items/{id}/remind")
	@PreAuthorize("hasAuthority('supervision:item:manage')")
	Detail remind(@PathVariable long id, @RequestBody(required = false) CommentCommand command) {
		ScopedPrincipal caller = CurrentUser.require();
		this.items.remind(id, command == null ? null : command.comment(), caller);
		return this.queries.detail(id, caller);
	}

	@PostMapping("/items/{id}/close")
	@PreAuthorize("hasAuthority('supervision:item:manage')")
	Detail close(@PathVariable long id, @RequestBody(required = false) CommentCommand command) {
		ScopedPrincipal caller = CurrentUser.require();
		this.items.close(id, command == null ? null : command.comment(), caller);
		return this.queries.detail(id, caller);
	}

}
