package org.govgrid.openplatform;

import org.govgrid.platform.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The change feed for data exchange (数据交换, 标准 4a), for bearer clients with
 * {@code events:read} or {@code basedata:read} and for people with the read permissions
 * ({@code docs/api/openplatform.md}).
 */
@RestController
class ChangeFeedController {

	private final ChangeFeed feed;

	ChangeFeedController(ChangeFeed feed) {
		this.feed = feed;
	}

	@GetMapping("/api/v1/open/changes")
	@PreAuthorize("hasAnyAuthority('event:case:read-all', 'basedata:object:read', 'basedata:person:read')")
	ChangeFeed.Page changes(@RequestParam(required = false) String since, @RequestParam(required = false) String types,
			@RequestParam(required = false) Integer limit) {
		return this.feed.read(since, types, limit, CurrentUser.require());
	}

}
