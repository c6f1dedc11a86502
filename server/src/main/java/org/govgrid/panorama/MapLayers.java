package org.govgrid.panorama;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;

/**
 * The registry of the map's layers: every {@link MapLayerProvider} bean, in their order.
 * A layer is a GeoJSON FeatureCollection of points inside the area and the box, capped so
 * a town-wide view stays light (the collection says when it was cut). Callers see the
 * layers their permissions allow, within their own area.
 */
@Service
class MapLayers {

	static final int MAX_FEATURES = 5000;

	private final Map<String, MapLayerProvider> providers = new LinkedHashMap<>();

	private final RegionService regions;

	private final Clock clock;

	MapLayers(List<MapLayerProvider> providers, RegionService regions, Clock clock) {
		providers.stream()
			.sorted(Comparator.comparingInt((MapLayerProvider p) -> p.descriptor().order()))
			.forEach(provider -> {
				String type = provider.descriptor().type();
				if (this.providers.putIfAbsent(type, provider) != null) {
					throw new IllegalStateException("two map layers of type " + type);
				}
			});
		this.regions = regions;
		this.clock = clock;
	}

	record Label(String zh, String en) {
	}

	/** A layer in the list the console builds its toggles, legend and requests from. */
	record LayerInfo(String type, Label label, String icon, String colour) {
	}

	record FeatureCollection(String type, List<MapFeature> features, Map<String, Object> properties) {
	}

	/**
	 * Whether the caller holds the read permission of at least one layer: the guard of
	 * the layer endpoints, so that a new provider brings its permission along.
	 */
	public boolean readableBy(Authentication authentication) {
		if (authentication == null) {
			return false;
		}
		Set<String> held = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.collect(Collectors.toSet());
		return this.providers.values().stream().anyMatch(p -> held.contains(p.descriptor().permission()));
	}

	/** The layers the caller may see, in order. */
	List<LayerInfo> list(ScopedPrincipal caller) {
		return this.providers.values()
			.stream()
			.map(MapLayerProvider::descriptor)
			.filter(d -> caller.can(d.permission()))
			.map(d -> new LayerInfo(d.type(), new Label(d.labelZh(), d.labelEn()), d.icon(), d.colour()))
			.toList();
	}

	FeatureCollection layer(String type, Long regionId, String bbox, ScopedPrincipal caller) {
		MapLayerProvider provider = this.providers.get(type);
		if (provider == null) {
			throw new NotFoundException("map layer", type);
		}
		String permission = provider.descriptor().permission();
		if (!caller.can(permission)) {
			throw new AccessDeniedException(permission);
		}
		FieldErrors errors = new FieldErrors();
		MapLayerQuery.Box box = parseBox(bbox, errors);
		errors.throwIfAny();
		DataScope area = area(regionId, caller);
		List<MapFeature> features = provider
			.features(new MapLayerQuery(area, box, this.clock.instant(), MAX_FEATURES + 1));
		boolean truncated = features.size() > MAX_FEATURES;
		return new FeatureCollection("FeatureCollection", truncated ? features.subList(0, MAX_FEATURES) : features,
				Map.of("layer", type, "truncated", truncated));
	}

	/** The named region if the caller may see it (else 404), or the caller's own area. */
	DataScope area(Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = this.regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

	static MapLayerQuery.Box parseBox(String bbox, FieldErrors errors) {
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
				if (!Double.isFinite(box[i])) {
					throw new NumberFormatException();
				}
			}
			if (box[0] > box[2] || box[1] > box[3] || box[0] < -180 || box[2] > 180 || box[1] < -90 || box[3] > 90) {
				throw new NumberFormatException();
			}
			return new MapLayerQuery.Box(box[0], box[1], box[2], box[3]);
		}
		catch (NumberFormatException ex) {
			errors.add("bbox", "minLon,minLat,maxLon,maxLat within ±180/±90 / 范围应为 最小经度,最小纬度,最大经度,最大纬度");
			return null;
		}
	}

}
