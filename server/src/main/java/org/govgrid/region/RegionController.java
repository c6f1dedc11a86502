package org.govgrid.region;

import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.FieldErrors;
import org.govgrid.region.RegionCommands.CreateRegion;
import org.govgrid.region.RegionCommands.UpdateRegion;
import org.govgrid.region.RegionViews.FeatureCollection;
import org.govgrid.region.RegionViews.RegionDetail;
import org.govgrid.region.RegionViews.RegionNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final RegionService regions;

	RegionController(RegionService regions) {
		this.regions = regions;
	}

	@GetMapping("/tree")
	@PreAuthorize("hasAuthority('region:area:read')")
	List<RegionNode> tree(@RequestParam(required = false) RegionLevel deepest) {
		return this.regions.tree(CurrentUser.scope(), deepest);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('region:area:read')")
	RegionDetail get(@PathVariable long id) {
		return this.regions.get(id, CurrentUser.scope());
	}

	@GetMapping("/locate")
	@PreAuthorize("hasAuthority('region:area:read')")
	RegionDetail locate(@RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat) {
		FieldErrors errors = new FieldErrors();
		// written so that NaN fails too
		if (lon == null || !(lon >= -180 && lon <= 180)) {
			errors.add("lon", "required, between -180 and 180 / 经度必填，范围 -180 至 180");
		}
		if (lat == null || !(lat >= -90 && lat <= 90)) {
			errors.add("lat", "required, between -90 and 90 / 纬度必填，范围 -90 至 90");
		}
		errors.throwIfAny();
		return this.regions.locate(lon, lat, CurrentUser.scope());
	}

	@GetMapping("/{id}/grids.geojson")
	@PreAuthorize("hasAuthority('region:area:read')")
	ResponseEntity<FeatureCollection> grids(@PathVariable long id) {
		return ResponseEntity.ok().contentType(GEO_JSON).body(this.regions.gridsUnder(id, CurrentUser.scope()));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('region:area:write')")
	RegionDetail create(@RequestBody CreateRegion command) {
		return this.regions.create(command, CurrentUser.scope());
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('region:area:write')")
	RegionDetail update(@PathVariable long id, @RequestBody UpdateRegion command) {
		return this.regions.update(id, command, CurrentUser.scope());
	}

}
