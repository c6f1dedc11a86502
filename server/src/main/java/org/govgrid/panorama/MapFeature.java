package org.govgrid.panorama;

import java.util.List;
import java.util.Map;

/** A GeoJSON feature of a map layer: a point and the properties its popup shows. */
public record MapFeature(String type, Map<String, Object> geometry, Map<String, Object> properties) {

	public static MapFeature point(double lon, double lat, Map<String, Object> properties) {
		return new MapFeature("Feature", Map.of("type", "Point", "coordinates", List.of(lon, lat)), properties);
	}

}
