package org.govgrid.panorama;

import java.util.List;

import org.govgrid.platform.CurrentUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The panoramic map's layers and the grid profile. */
@RestController
class PanoramaController {

	/**
	 * Whoever holds the read permission of at least one registered layer (today
	 * basedata:person:read, basedata:object:read, basedata:situation:read or
	 * event:case:read-all).
	 */
	private static final String ANY_LAYER = "@mapLayers.readableBy(authentication)";

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final MapLayers layers;

	private final GridProfiles profiles;

	PanoramaController(MapLayers layers, GridProfiles profiles) {
		this.layers = layers;
		this.profiles = profiles;
	}

	/** The layers the caller may see: type, label in both languages, icon key, colour. */
	@GetMapping("/api/v1/map/layers")
	@PreAuthorize(ANY_LAYER)
	List<MapLayers.LayerInfo> layers() {
		return this.layers.list(CurrentUser.require());
	}

	/**
	 * Each layer checks its own read permission (people, objects, situations, events).
	 */
	@GetMapping("/api/v1/map/layers/{type}.geojson")
	@PreAuthorize(ANY_LAYER)
	ResponseEntity<MapLayers.FeatureCollection> layer(@PathVariable String type,
			@RequestParam(required = false) Long regionId, @RequestParam(required = false) String bbox) {
		return ResponseEntity.ok()
			.contentType(GEO_JSON)
			.body(this.layers.layer(type, regionId, bbox, CurrentUser.require()));
	}

	@GetMapping("/api/v1/grids/{id}/profile")
	@PreAuthorize("hasAuthority('basedata:person:read')")
	GridProfiles.Profile profile(@PathVariable long id) {
		return this.profiles.profile(id, CurrentUser.require());
	}

}
