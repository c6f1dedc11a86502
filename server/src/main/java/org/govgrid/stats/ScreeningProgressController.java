package org.govgrid.stats;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard's 重点人员排查 widget ({@code docs/api/stats.md}). */
@RestController
class ScreeningProgressController {

	private final ScreeningProgress progress;

	private final RegionService regions;

	ScreeningProgressController(ScreeningProgress progress, RegionService regions) {
		this.progress = progress;
		this.regions = regions;
	}

	@GetMapping("/api/v1/stats/screening")
	@PreAuthorize("hasAuthority('stats:dashboard:read')")
	ScreeningProgress.Progress screening(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long campaignId) {
		ScopedPrincipal caller = CurrentUser.require();
		DataScope area = caller.scope();
		if (regionId != null) {
			RegionSummary region = this.regions.find(regionId)
				.filter(r -> caller.scope().covers(r.path()))
				.orElseThrow(() -> new NotFoundException("region", regionId));
			area = new DataScope(region.id(), region.path());
		}
		return this.progress.of(area, campaignId);
	}

}
