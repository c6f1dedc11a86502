package org.govgrid.party;

import java.util.Map;

import org.govgrid.platform.CurrentUser;
import org.govgrid.region.RegionService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The grids of an area coloured by party coverage. */
@RestController
class PartyMapController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final PartyMap map;

	private final RegionService regions;

	PartyMapController(PartyMap map, RegionService regions) {
		this.map = map;
		this.regions = regions;
	}

	@GetMapping("/api/v1/party/coverage.geojson")
	@PreAuthorize("hasAuthority('party:organization:read')")
	ResponseEntity<Map<String, Object>> coverage(@RequestParam(required = false) Long regionId) {
		return ResponseEntity.ok()
			.contentType(GEO_JSON)
			.body(this.map.coverage(PartyScopes.area(this.regions, regionId, CurrentUser.require())));
	}

}
