package org.govgrid.demo;

import java.util.Locale;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/** Writes JTS polygons as GeoJSON geometry text. */
final class GeoJson {

	private GeoJson() {
	}

	static String of(Geometry geometry) {
		if (geometry instanceof Polygon polygon) {
			return "{\"type\":\"Polygon\",\"coordinates\":" + rings(polygon) + "}";
		}
		if (geometry instanceof MultiPolygon multi) {
			StringBuilder out = new StringBuilder("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < multi.getNumGeometries(); i++) {
				out.append(i == 0 ? "" : ",").append(rings((Polygon) multi.getGeometryN(i)));
			}
			return out.append("]}").toString();
		}
		throw new IllegalArgumentException("not a polygon: " + geometry.getGeometryType());
	}

	private static String rings(Polygon polygon) {
		StringBuilder out = new StringBuilder("[").append(ring(polygon.getExteriorRing()));
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			out.append(',').append(ring(polygon.getInteriorRingN(i)));
		}
		return out.append(']').toString();
	}

	private static String ring(LineString ring) {
		StringBuilder out = new StringBuilder("[");
		Coordinate[] coordinates = ring.getCoordinates();
		for (int i = 0; i < coordinates.length; i++) {
			out.append(i == 0 ? "" : ",")
				.append(String.format(Locale.ROOT, "[%.6f,%.6f]", coordinates[i].x, coordinates[i].y));
		}
		return out.append(']').toString();
	}

}
