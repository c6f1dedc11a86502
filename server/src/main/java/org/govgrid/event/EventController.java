package org.govgrid.event;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.govgrid.event.EventHandling.ActionCommand;
import org.govgrid.event.EventQueries.EventDetail;
import org.govgrid.event.EventQueries.EventFilter;
import org.govgrid.event.EventQueries.EventItem;
import org.govgrid.event.EventReporting.Outcome;
import org.govgrid.event.EventReporting.ReportCommand;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events: report, list, detail and every lifecycle action ({@code docs/api/events.md}).
 */
@RestController
@RequestMapping("/api/v1/events")
class EventController {

	private final EventReporting reporting;

	private final EventHandling handling;

	private final EventQueries queries;

	private final DispatchTargets targets;

	EventController(EventReporting reporting, EventHandling handling, EventQueries queries, DispatchTargets targets) {
		this.reporting = reporting;
		this.handling = handling;
		this.queries = queries;
		this.targets = targets;
	}

	/**
	 * 201 with the new event, or 200 with the event an earlier request with the same
	 * {@code Idempotency-Key} created.
	 */
	@PostMapping
	@PreAuthorize("hasAuthority('event:case:report')")
	ResponseEntity<EventDetail> report(@RequestBody ReportCommand command,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		ScopedPrincipal caller = CurrentUser.require();
		Outcome outcome = this.reporting.report(command, idempotencyKey, caller);
		EventDetail detail = this.queries.detail(outcome.id(), caller);
		if (!outcome.created()) {
			return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(detail);
		}
		return ResponseEntity.created(URI.create("/api/v1/events/" + outcome.id())).body(detail);
	}

	@GetMapping
	@PreAuthorize("hasAuthority('event:case:read')")
	PageResponse<EventItem> list(@RequestParam(required = false) List<String> status,
			@RequestParam(required = false) String categoryCode, @RequestParam(required = false) String level,
			@RequestParam(required = false) String source, @RequestParam(required = false) Long regionId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(required = false) String flag, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String keyword, @RequestParam(required = false) Boolean mine,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
			@RequestParam(required = false) String sort) {
		return this.queries.list(
				new EventFilter(status, categoryCode, level, source, regionId, from, to, flag, overdue, keyword, mine),
				new PageQuery(page, size), sort, CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('event:case:read')")
	EventDetail get(@PathVariable long id) {
		return this.queries.detail(id, CurrentUser.require());
	}

	@PostMapping("/{id}/{action}")
	@PreAuthorize("hasAuthority('event:case:read')")
	EventDetail act(@PathVariable long id, @PathVariable String action,
			@RequestBody(required = false) ActionCommand command) {
		ScopedPrincipal caller = CurrentUser.require();
		this.handling.act(
				id, EventHandling.action(action), command == null
						? new ActionCommand(null, null, null, null, null, null, null, null, null, null, null) : command,
				caller);
		return this.queries.detail(id, caller);
	}

	@GetMapping("/dispatch-targets")
	@PreAuthorize("hasAuthority('event:case:dispatch')")
	List<DispatchTargets.Target> dispatchTargets() {
		return this.targets.of(CurrentUser.require());
	}

}
