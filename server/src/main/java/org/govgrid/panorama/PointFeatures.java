package org.govgrid.panorama;

import java.util.LinkedHashMap;
import java.util.Map;

import org.govgrid.basedata.BaseDataMap;
import org.govgrid.basedata.BaseDataMap.Point;

/**
 * Base data points as map features: {@code id, kind, name, status, gridId}, then their
 * own.
 */
final class PointFeatures {

	private PointFeatures() {
	}

	static MapFeature of(String kind, Point point) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("id", point.id());
		properties.put("kind", kind);
		properties.put("name", point.name());
		properties.put("status", point.status());
		properties.put("gridId", point.gridId());
		properties.putAll(point.extra());
		return MapFeature.point(point.lon(), point.lat(), properties);
	}

	static BaseDataMap.Box box(MapLayerQuery query) {
		MapLayerQuery.Box box = query.box();
		return box == null ? null : new BaseDataMap.Box(box.minLon(), box.minLat(), box.maxLon(), box.maxLat());
	}

}
