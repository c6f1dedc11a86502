package org.govgrid.video;

import java.util.List;
import java.util.Map;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
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

/** The camera registry and its map layer. */
@RestController
@RequestMapping("/api/v1/video")
class CameraController {

	private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

	private final Cameras cameras;

	CameraController(Cameras cameras) {
		this.cameras = cameras;
	}

	@GetMapping("/cameras")
	@PreAuthorize("hasAuthority('video:camera:read')")
	PageResponse<CameraView> list(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) Long gridId, @RequestParam(required = false) String keyword,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.cameras.list(new Cameras.Filter(regionId, gridId, keyword, status), new PageQuery(page, size),
				CurrentUser.require());
	}

	@GetMapping("/cameras/{id}")
	@PreAuthorize("hasAuthority('video:camera:read')")
	CameraView get(@PathVariable long id) {
		return this.cameras.view(id, CurrentUser.require());
	}

	@PostMapping("/cameras")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('video:camera:manage')")
	CameraView create(@RequestBody CameraCommand command) {
		return this.cameras.create(command, CurrentUser.require());
	}

	@PutMapping("/cameras/{id}")
	@PreAuthorize("hasAuthority('video:camera:manage')")
	CameraView update(@PathVariable long id, @RequestBody CameraCommand command) {
		return this.cameras.update(id, command, CurrentUser.require());
	}

	/**
	 * The cameras as a GeoJSON FeatureCollection like the panoramic map's layers (a
	 * {@code truncated} property says when it was cut).
	 */
	@GetMapping("/cameras.geojson")
	@PreAuthorize("hasAuthority('video:camera:read')")
	ResponseEntity<Map<String, Object>> geojson(@RequestParam(required = false) Long regionId,
			@RequestParam(required = false) String bbox) {
		FieldErrors errors = new FieldErrors();
		double[] box = box(bbox, errors);
		errors.throwIfAny();
		List<Map<String, Object>> features = this.cameras.features(regionId, box, CurrentUser.require());
		boolean truncated = features.size() > Cameras.MAX_FEATURES;
		return ResponseEntity.ok()
			.contentType(GEO_JSON)
			.body(Map.of("type", "FeatureCollection", "features",
					truncated ? features.subList(0, Cameras.MAX_FEATURES) : features, "properties",
					Map.of("layer", "cameras", "truncated", truncated)));
	}

	/** {@code minLon,minLat,maxLon,maxLat}, or null when absent. */
	static double[] box(String bbox, FieldErrors errors) {
		if (bbox == null || bbox.isBlank()) {
			return null;
		}
		String[] parts = bbox.split(",");
		try {
			if (parts.length != 4) {
				throw new NumberFormatException();
			}
			double[] box = new double[4];
			for (int i = 0; i < 4; i++) {
				box[i] = Double.parseDouble(parts[i].strip());
			}
			if (box[0] > box[2] || box[1] > box[3] || box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
				throw new NumberFormatException();
			}
			return box;
		}
		catch (NumberFormatException ex) {
			errors.add("bbox", "minLon,minLat,maxLon,maxLat within ±180/±90 / 范围应为 最小经度,最小纬度,最大经度,最大纬度");
			return null;
		}
	}

}
