package org.govgrid.panorama;

import java.util.List;
import java.util.Locale;

import org.govgrid.basedata.BaseDataKind;
import org.govgrid.basedata.BaseDataMap;

/**
 * Located houses, places, organisations or things: one instance per kind (see
 * {@link ObjectLayers}).
 */
class ObjectLayer implements MapLayerProvider {

	private final MapLayerDescriptor descriptor;

	private final BaseDataKind kind;

	private final BaseDataMap baseData;

	ObjectLayer(MapLayerDescriptor descriptor, BaseDataKind kind, BaseDataMap baseData) {
		this.descriptor = descriptor;
		this.kind = kind;
		this.baseData = baseData;
	}

	@Override
	public MapLayerDescriptor descriptor() {
		return this.descriptor;
	}

	@Override
	public List<MapFeature> features(MapLayerQuery query) {
		String kindName = this.kind.name().toLowerCase(Locale.ROOT);
		return this.baseData.points(this.kind, query.area(), PointFeatures.box(query), query.limit())
			.stream()
			.map(point -> PointFeatures.of(kindName, point))
			.toList();
	}

}
