package org.govgrid.special;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.panorama.MapFeature;
import org.govgrid.panorama.MapLayerDescriptor;
import org.govgrid.panorama.MapLayerProvider;
import org.govgrid.panorama.MapLayerQuery;
import org.govgrid.region.RegionListing;
import org.springframework.stereotype.Component;

/**
 * 人流 on the panoramic map: one point per grid at its centre with the grid's latest
 * quarter-hour count (no older than an hour) and its usual count; the heat map with the
 * time slider is the 人流热力 page.
 */
@Component
class CrowdFlowLayer implements MapLayerProvider {

	private static final MapLayerDescriptor DESCRIPTOR = new MapLayerDescriptor("crowd-flow", "special:crowd:read",
			"人流", "Crowd flow", "crowd", "#e65100", 110);

	private final CrowdStore store;

	private final RegionListing regions;

	CrowdFlowLayer(CrowdStore store, RegionListing regions) {
		this.store = store;
		this.regions = regions;
	}

	@Override
	public MapLayerDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public List<MapFeature> features(MapLayerQuery query) {
		Map<Long, CrowdStore.Stored> latest = new HashMap<>();
		this.store.latest(query.area(), query.now().minus(CrowdDensitySignal.STALE_AFTER), query.now())
			.forEach(s -> latest.put(s.gridId(), s));
		MapLayerQuery.Box box = query.box();
		return this.regions.gridsUnder(query.area().path())
			.stream()
			.filter(g -> g.centerLon() != null && latest.containsKey(g.id()))
			.filter(g -> box == null || (g.centerLon() >= box.minLon() && g.centerLon() <= box.maxLon()
					&& g.centerLat() >= box.minLat() && g.centerLat() <= box.maxLat()))
			.limit(query.limit())
			.map(g -> {
				CrowdStore.Stored s = latest.get(g.id());
				Map<String, Object> properties = new LinkedHashMap<>();
				properties.put("id", g.id());
				properties.put("kind", "crowd");
				properties.put("name", g.name());
				properties.put("people", s.bucket().people());
				properties.put("usual", s.bucket().usual());
				properties.put("bucketStart", s.bucket().start().toString());
				properties.put("gridId", g.id());
				return MapFeature.point(g.centerLon(), g.centerLat(), properties);
			})
			.toList();
	}

}
