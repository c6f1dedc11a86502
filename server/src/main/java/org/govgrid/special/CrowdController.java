package org.govgrid.special;

import org.govgrid.platform.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 人流: operator counts per grid and quarter hour, and the heat layer at one bucket. */
@RestController
@RequestMapping("/api/v1/special/crowd-flow")
class CrowdController {

	private final CrowdFlow crowd;

	CrowdController(CrowdFlow crowd) {
		this.crowd = crowd;
	}

	@PostMapping
	@PreAuthorize("hasAuthority('special:crowd:write')")
	CrowdCommands.Result ingest(@RequestBody(required = false) CrowdCommands.Batch batch,
			@RequestParam(defaultValue = "false") boolean partial) {
		return this.crowd.ingest(batch, partial, CurrentUser.require());
	}

	@GetMapping
	@PreAuthorize("hasAuthority('special:crowd:read')")
	CrowdCommands.Snapshot snapshot(@RequestParam(required = false) String at,
			@RequestParam(required = false) Long regionId, @RequestParam(defaultValue = "true") boolean outlines) {
		return this.crowd.snapshot(at, regionId, outlines, CurrentUser.require());
	}

}
