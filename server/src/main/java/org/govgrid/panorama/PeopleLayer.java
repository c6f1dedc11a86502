package org.govgrid.panorama;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.basedata.BaseDataMap;
import org.springframework.stereotype.Component;

/** People gathered by the house they live in: counted, never named. */
@Component
class PeopleLayer implements MapLayerProvider {

	private static final MapLayerDescriptor DESCRIPTOR = new MapLayerDescriptor("people", "basedata:person:read",
			"人口（按房屋）", "People (by house)", "person", "#1d5fd1", 10);

	private final BaseDataMap baseData;

	PeopleLayer(BaseDataMap baseData) {
		this.baseData = baseData;
	}

	@Override
	public MapLayerDescriptor descriptor() {
		return DESCRIPTOR;
	}

	@Override
	public List<MapFeature> features(MapLayerQuery query) {
		return this.baseData.peopleByHouse(query.area(), PointFeatures.box(query), query.limit())
			.stream()
			.map(house -> {
				Map<String, Object> properties = new LinkedHashMap<>();
				properties.put("id", house.id());
				properties.put("kind", "person");
				properties.put("name", house.name());
				properties.put("status", house.status());
				properties.put("gridId", house.gridId());
				properties.put("address", house.name());
				properties.putAll(house.extra());
				return MapFeature.point(house.lon(), house.lat(), properties);
			})
			.toList();
	}

}
