package org.govgrid.region;

import java.util.ArrayList;
import java.util.List;

import org.govgrid.platform.FieldErrors;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import tools.jackson.databind.JsonNode;

/** Cutting and joining grid polygons for the drawing tool. */
final class GridShapes {

	private GridShapes() {
	}

	/** A GeoJSON LineString of two or more lon/lat positions; {@code null} if bad. */
	static LineString readLine(JsonNode node, String field, FieldErrors errors) {
		JsonNode positions = node == null ? null : node.get("coordinates");
		if (node == null || !"LineString".equals(node.path("type").asString(""))) {
			errors.add(field, "must be a GeoJSON LineString / 分割线须为 GeoJSON 线");
			return null;
		}
		if (positions == null || !positions.isArray() || positions.size() < 2) {
			errors.add(field + ".coordinates", "a line needs at least 2 positions / 分割线至少需要 2 个点");
			return null;
		}
		Coordinate[] coordinates = new Coordinate[positions.size()];
		for (int i = 0; i < positions.size(); i++) {
			JsonNode position = positions.get(i);
			if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()
					|| Math.abs(position.get(0).asDouble()) > 180 || Math.abs(position.get(1).asDouble()) > 90) {
				errors.add(field + ".coordinates[" + i + "]", "must be [lon, lat] numbers / 须为 [经度, 纬度] 数值");
				return null;
			}
			coordinates[i] = new Coordinate(position.get(0).asDouble(), position.get(1).asDouble());
		}
		return Boundaries.GEOMETRY.createLineString(coordinates);
	}

	/**
	 * The pieces of {@code polygon} cut by {@code line}: the noded outline and line are
	 * polygonized, and the faces inside the polygon kept (holes and dangling ends drop
	 * out).
	 */
	static List<Polygon> split(Polygon polygon, LineString line) {
		Polygonizer polygonizer = new Polygonizer();
		polygonizer.add(polygon.getBoundary().union(line));
		List<Polygon> pieces = new ArrayList<>();
		for (Object face : polygonizer.getPolygons()) {
			Polygon piece = (Polygon) face;
			if (polygon.contains(piece.getInteriorPoint())) {
				pieces.add(piece);
			}
		}
		pieces.sort((a, b) -> Double.compare(b.getArea(), a.getArea()));
		return pieces;
	}

	/** The union of adjacent polygons; {@code null} unless it is one polygon. */
	static Polygon join(Geometry a, Geometry b) {
		Geometry union = a.union(b);
		return union instanceof Polygon polygon ? polygon : null;
	}

}
