package org.govgrid.ops.logs;

import java.util.List;

import org.govgrid.ops.logs.LogDigestViews.DigestSummary;
import org.govgrid.ops.logs.LogDigestViews.DigestView;
import org.govgrid.ops.logs.LogDigestViews.ReviewCommand;
import org.govgrid.platform.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily log digests (标准 8a): the security admin and the auditor read them, the
 * security admin marks them reviewed (三员分立: the auditor changes nothing).
 */
@RestController
@RequestMapping("/api/v1/ops/log-digests")
class LogDigestController {

	private final LogDigests digests;

	LogDigestController(LogDigests digests) {
		this.digests = digests;
	}

	/** Newest first, the last {@value LogDigests#LIST_LIMIT} days that have one. */
	@GetMapping
	@PreAuthorize("hasAuthority('ops:log-digest:read')")
	List<DigestSummary> list() {
		return this.digests.list().stream().map(DigestSummary::of).toList();
	}

	@GetMapping("/{date}")
	@PreAuthorize("hasAuthority('ops:log-digest:read')")
	DigestView get(@PathVariable String date) {
		return DigestView.of(this.digests.get(date));
	}

	@PostMapping("/{date}/review")
	@PreAuthorize("hasAuthority('ops:log-digest:review')")
	DigestView review(@PathVariable String date, @RequestBody(required = false) ReviewCommand command) {
		return DigestView
			.of(this.digests.review(date, (command != null) ? command.comment() : null, CurrentUser.require()));
	}

}
