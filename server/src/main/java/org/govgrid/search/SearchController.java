package org.govgrid.search;

import org.govgrid.platform.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/search?q=&types=&size=} and the same as a POST body, which the
 * console uses so that an ID number or a phone typed into the box never lands in a URL
 * (or a proxy's log).
 */
@RestController
@RequestMapping("/api/v1/search")
class SearchController {

	private final GlobalSearch search;

	SearchController(GlobalSearch search) {
		this.search = search;
	}

	/** {@code types}: a list or a comma-separated text. */
	record SearchCommand(String q, Object types, Integer size) {
	}

	@GetMapping
	@PreAuthorize("hasAuthority('search:query')")
	SearchResponse get(@RequestParam(required = false) String q, @RequestParam(required = false) String types,
			@RequestParam(required = false) Integer size) {
		return this.search.search(SearchRequest.of(q, types, size), CurrentUser.require());
	}

	@PostMapping
	@PreAuthorize("hasAuthority('search:query')")
	SearchResponse post(@RequestBody(required = false) SearchCommand command) {
		SearchCommand body = command == null ? new SearchCommand(null, null, null) : command;
		return this.search.search(SearchRequest.of(body.q(), body.types(), body.size()), CurrentUser.require());
	}

}
