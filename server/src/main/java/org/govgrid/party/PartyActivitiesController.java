package org.govgrid.party;

import java.net.URI;
import java.time.LocalDate;

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
 * Party activities: the report from the grid (idempotent by key), the list and detail.
 */
@RestController
@RequestMapping("/api/v1/party/activities")
class PartyActivitiesController {

	private final PartyActivities activities;

	PartyActivitiesController(PartyActivities activities) {
		this.activities = activities;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('party:activity:read')")
	PageResponse<ActivityView> list(@RequestParam(required = false) Long organizationId,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) Long gridId,
			@RequestParam(required = false) String type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.activities.list(new PartyActivities.Filter(organizationId, regionId, gridId, type, from, to),
				new PageQuery(page, size), CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('party:activity:read')")
	ActivityView get(@PathVariable long id) {
		return this.activities.view(id, CurrentUser.require());
	}

	/**
	 * 201 with the new activity; 200 with {@code Idempotent-Replayed: true} and the
	 * activity a retry with the same {@code Idempotency-Key} created.
	 */
	@PostMapping
	@PreAuthorize("hasAuthority('party:activity:report')")
	ResponseEntity<ActivityView> report(@RequestBody ActivityCommand command,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		ScopedPrincipal caller = CurrentUser.require();
		PartyActivities.Outcome outcome = this.activities.report(command, idempotencyKey, caller);
		ActivityView view = this.activities.view(outcome.id(), caller);
		if (!outcome.created()) {
			return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(view);
		}
		return ResponseEntity.created(URI.create("/api/v1/party/activities/" + view.id())).body(view);
	}

}
