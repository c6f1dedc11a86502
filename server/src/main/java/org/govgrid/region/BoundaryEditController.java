package org.govgrid.region;

import org.govgrid.platform.CurrentUser;
import org.govgrid.region.RegionCommands.MergeRegions;
import org.govgrid.region.RegionCommands.SplitRegion;
import org.govgrid.region.RegionCommands.ValidateBoundary;
import org.govgrid.region.RegionViews.BoundaryReport;
import org.govgrid.region.RegionViews.RegionDetail;
import org.govgrid.region.RegionViews.SplitResult;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The drawing tool's calls: check a drawn boundary, split a grid, merge two. */
@RestController
@RequestMapping("/api/v1/regions")
class BoundaryEditController {

	private final BoundaryEdits edits;

	BoundaryEditController(BoundaryEdits edits) {
		this.edits = edits;
	}

	@PostMapping("/boundaries/validate")
	@PreAuthorize("hasAuthority('region:area:write')")
	BoundaryReport validate(@RequestBody ValidateBoundary command) {
		return this.edits.validate(command, CurrentUser.scope());
	}

	@PostMapping("/{id}/split")
	@PreAuthorize("hasAuthority('region:area:write')")
	SplitResult split(@PathVariable long id, @RequestBody SplitRegion command) {
		return this.edits.split(id, command, CurrentUser.scope());
	}

	@PostMapping("/merge")
	@PreAuthorize("hasAuthority('region:area:write')")
	RegionDetail merge(@RequestBody MergeRegions command) {
		return this.edits.merge(command, CurrentUser.scope());
	}

}
