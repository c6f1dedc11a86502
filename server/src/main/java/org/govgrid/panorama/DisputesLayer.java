package org.govgrid.panorama;

import java.time.Duration;
import java.util.List;

import org.govgrid.basedata.BaseDataMap;
import org.springframework.stereotype.Component;

/**
 * 矛盾纠纷: every dispute not yet closed, and those closed (resolved or escalated) in the
 * last 30 days, so a settled quarrel stays visible for a month; its parties counted,
 * never named.
 */
@Component
class DisputesLayer implements MapLayerProvider {

	/** Closed disputes stay on the map this long after their last step. */
	static final Duration CLOSED_RECENTLY = Duration.ofDays(30);

	private static final MapLayerDescriptor DESCRIPTOR = new MapLayerDescriptor("disputes", "basedata:situation:read",
			"矛盾纠纷", "Disputes", "dispute", "#c2185b", 70);

	private final BaseDataMap baseData;

	DisputesLayer(BaseDataMap baseData) {
		this.baseData = baseData;
	}

	@Override
	public MapLayerDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public List<MapFeature> features(MapLayerQuery query) {
		return this.baseData
			.disputes(query.area(), PointFeatures.box(query), query.now().minus(CLOSED_RECENTLY), query.limit())
			.stream()
			.map(point -> PointFeatures.of("dispute", point))
			.toList();
	}

}
