package org.govgrid.special;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 网络舆情: items fed in by the opinion-monitoring system, listed per region. */
@RestController
@RequestMapping("/api/v1/special/opinions")
class OpinionController {

	private final Opinions opinions;

	private final OpinionSearch search;

	OpinionController(Opinions opinions, OpinionSearch search) {
		this.opinions = opinions;
		this.search = search;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('special:opinion:write')")
	OpinionCommands.Result ingest(@RequestBody(required = false) OpinionCommands.Batch batch,
			@RequestParam(defaultValue = "false") boolean partial) {
		return this.opinions.ingest(batch, partial, CurrentUser.require());
	}

	@GetMapping
	@PreAuthorize("hasAuthority('special:opinion:read')")
	PageResponse<OpinionView> list(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String q, @RequestParam(required = false) String sentiment,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.search.list(new OpinionSearch.Filter(regionId, q, sentiment, from, to), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('special:opinion:read')")
	OpinionView get(@PathVariable long id) {
		return this.search.view(id, CurrentUser.require());
	}

}
