package org.govgrid.patrol;

import java.time.LocalDate;
import java.util.List;

import org.govgrid.patrol.Patrols.ItemCommand;
import org.govgrid.patrol.Patrols.PatrolSummary;
import org.govgrid.patrol.Patrols.PatrolView;
import org.govgrid.patrol.Patrols.TrackBatch;
import org.govgrid.patrol.Patrols.TrackReceipt;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Patrols (全科巡查): domains, start, track batches, checklist items, finish, read. */
@RestController
class PatrolController {

	private final Patrols patrols;

	PatrolController(Patrols patrols) {
		this.patrols = patrols;
	}

	@GetMapping("/api/v1/patrol-domains")
	@PreAuthorize("hasAuthority('patrol:patrol:read')")
	List<Patrols.Domain> domains() {
		return this.patrols.domains();
	}

	@PostMapping("/api/v1/patrols")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('patrol:patrol:write')")
	PatrolView start(@RequestBody Patrols.StartCommand start) {
		return this.patrols.start(start, CurrentUser.require());
	}

	@PostMapping("/api/v1/patrols/{id}/track")
	@PreAuthorize("hasAuthority('patrol:patrol:write')")
	TrackReceipt track(@PathVariable long id, @RequestBody TrackBatch batch) {
		return this.patrols.track(id, batch, CurrentUser.require());
	}

	@PostMapping("/api/v1/patrols/{id}/items")
	@PreAuthorize("hasAuthority('patrol:patrol:write')")
	PatrolView item(@PathVariable long id, @RequestBody ItemCommand item) {
		return this.patrols.item(id, item, CurrentUser.require());
	}

	@PostMapping("/api/v1/patrols/{id}/finish")
	@PreAuthorize("hasAuthority('patrol:patrol:write')")
	PatrolView finish(@PathVariable long id, @RequestBody(required = false) Patrols.Position end) {
		return this.patrols.finish(id, end, CurrentUser.require());
	}

	@GetMapping("/api/v1/patrols/{id}")
	@PreAuthorize("hasAuthority('patrol:patrol:read')")
	PatrolView get(@PathVariable long id) {
		return this.patrols.view(id, CurrentUser.require());
	}

	@GetMapping("/api/v1/patrols")
	@PreAuthorize("hasAuthority('patrol:patrol:read')")
	PageResponse<PatrolSummary> list(@RequestParam(required = false) Long workerId,
			@RequestParam(required = false) Long gridId, @RequestParam(required = false) String domainCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.patrols.list(new Patrols.Filter(workerId, gridId, domainCode, date), new PageQuery(page, size),
				CurrentUser.require());
	}

}
