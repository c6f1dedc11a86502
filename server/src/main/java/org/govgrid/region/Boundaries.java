package org.govgrid.region;

import java.util.ArrayList;
import java.util.List;

import org.govgrid.platform.FieldErrors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GeoJSON Polygon/MultiPolygon boundaries (WGS84/CGCS2000 lon-lat) read into JTS and
 * checked: numeric positions in range, closed rings of four or more positions, valid
 * topology. Problems are reported per field, all at once.
 */
final class Boundaries {

	static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Boundaries() {
	}

	/**
	 * Parses and validates; returns {@code null} and fills {@code errors} when invalid.
	 */
	static Geometry read(JsonNode node, String field, FieldErrors errors) {
		if (node == null || !node.isObject()) {
			errors.add(field, "must be a GeoJSON Polygon or MultiPolygon object / 边界须为 GeoJSON 面对象");
			return null;
		}
		String type = node.path("type").asString("");
		JsonNode coordinates = node.get("coordinates");
		if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
			errors.add(field + ".coordinates", "missing or empty / 坐标缺失");
			return null;
		}
		FieldErrors local = new FieldErrors();
		Geometry geometry = switch (type) {
			case "Polygon" -> polygon(coordinates, field + ".coordinates", local);
			case "MultiPolygon" -> multiPolygon(coordinates, field + ".coordinates", local);
			default -> {
				local.add(field + ".type", "must be Polygon or MultiPolygon / 类型须为 Polygon 或 MultiPolygon");
				yield null;
			}
		};
		if (!local.isEmpty() || geometry == null) {
			errors.addAll(local);
			return null;
		}
		TopologyValidationError invalid = new IsValidOp(geometry).getValidationError();
		if (invalid != null) {
			errors.add(field, "invalid geometry: " + invalid.getMessage() + " near " + invalid.getCoordinate()
					+ " / 几何图形无效（自相交或环方向错误等）");
			return null;
		}
		return geometry;
	}

	/**
	 * A Polygon or MultiPolygon as GeoJSON text (the form {@link #read} accepts and the
	 * region table stores).
	 */
	static String toGeoJson(Geometry geometry) {
		StringBuilder out = new StringBuilder(64 + geometry.getNumPoints() * 40);
		if (geometry instanceof Polygon polygon) {
			out.append("{\"type\":\"Polygon\",\"coordinates\":");
			appendPolygon(polygon, out);
		}
		else {
			out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
			for (int i = 0; i < geometry.getNumGeometries(); i++) {
				out.append(i == 0 ? "" : ",");
				appendPolygon((Polygon) geometry.getGeometryN(i), out);
			}
			out.append(']');
		}
		return out.append('}').toString();
	}

	private static void appendPolygon(Polygon polygon, StringBuilder out) {
		out.append('[');
		appendRing(polygon.getExteriorRing().getCoordinates(), out);
		for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
			out.append(',');
			appendRing(polygon.getInteriorRingN(i).getCoordinates(), out);
		}
		out.append(']');
	}

	private static void appendRing(Coordinate[] ring, StringBuilder out) {
		out.append('[');
		for (int i = 0; i < ring.length; i++) {
			out.append(i == 0 ? "[" : ",[").append(ring[i].x).append(',').append(ring[i].y).append(']');
		}
		out.append(']');
	}

	static Geometry parseStored(String geoJson) {
		if (geoJson == null) {
			return null;
		}
		FieldErrors errors = new FieldErrors();
		Geometry geometry = read(JSON.readTree(geoJson), "boundary", errors);
		errors.throwIfAny();
		return geometry;
	}

	private static Geometry multiPolygon(JsonNode polygons, String field, FieldErrors errors) {
		List<Polygon> parts = new ArrayList<>();
		for (int i = 0; i < polygons.size(); i++) {
			Polygon part = polygon(polygons.get(i), field + "[" + i + "]", errors);
			if (part != null) {
				parts.add(part);
			}
		}
		return errors.isEmpty() ? GEOMETRY.createMultiPolygon(parts.toArray(Polygon[]::new)) : null;
	}

	private static Polygon polygon(JsonNode rings, String field, FieldErrors errors) {
		if (!rings.isArray() || rings.isEmpty()) {
			errors.add(field, "a polygon needs at least an outer ring / 面至少需要一个外环");
			return null;
		}
		LinearRing[] read = new LinearRing[rings.size()];
		for (int i = 0; i < rings.size(); i++) {
			read[i] = ring(rings.get(i), field + "[" + i + "]", errors);
		}
		if (!errors.isEmpty()) {
			return null;
		}
		LinearRing[] holes = new LinearRing[read.length - 1];
		System.arraycopy(read, 1, holes, 0, holes.length);
		return GEOMETRY.createPolygon(read[0], holes);
	}

	private static LinearRing ring(JsonNode positions, String field, FieldErrors errors) {
		if (!positions.isArray() || positions.size() < 4) {
			errors.add(field, "a ring needs at least 4 positions / 环至少需要 4 个坐标点");
			return null;
		}
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			JsonNode position = positions.get(i);
			if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
					|| !position.get(1).isNumber()) {
				errors.add(field + "[" + i + "]", "must be [lon, lat] numbers / 须为 [经度, 纬度] 数值");
				return null;
			}
			double lon = position.get(0).asDouble();
			double lat = position.get(1).asDouble();
			if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
				errors.add(field + "[" + i + "]", "longitude/latitude out of range / 经纬度超出范围");
				return null;
			}
			coordinates[i] = new Coordinate(lon, lat);
		}
		if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
			errors.add(field, "ring is not closed: first and last positions differ / 环未闭合：首尾坐标不同");
			return null;
		}
		return GEOMETRY.createLinearRing(coordinates);
	}

}
