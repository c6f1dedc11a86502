package org.govgrid.region;

import java.util.SplittableRandom;

import org.govgrid.platform.FieldErrors;
import org.govgrid.support.Properties;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of GeoJSON boundary parsing: any JSON at all is answered with a geometry or
 * with named errors (never an exception, never both), every simple polygon is accepted
 * and survives the round trip through the stored form, and every bow-tie is refused.
 */
class BoundaryPropertiesTests {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anyJsonIsAGeometryOrNamedErrorsNeverAnException() {
		Properties.forAll(21_201, random -> randomGeoJsonish(random, 0), node -> {
			FieldErrors errors = new FieldErrors();
			Geometry geometry = Boundaries.read(node, "boundary", errors);
			assertThat(geometry == null).as("a geometry xor errors").isEqualTo(!errors.isEmpty());
			errors.list().forEach(problem -> assertThat(problem.field()).startsWith("boundary"));
		});
	}

	@Test
	void everyConvexPolygonIsAcceptedAndSurvivesTheStoredForm() {
		Properties.forAll(21_202, BoundaryPropertiesTests::convexPolygon, node -> {
			FieldErrors errors = new FieldErrors();
			Geometry geometry = Boundaries.read(node, "boundary", errors);
			assertThat(errors.list()).isEmpty();
			Geometry again = Boundaries.read(JSON.readTree(Boundaries.toGeoJson(geometry)), "boundary",
					new FieldErrors());
			assertThat(again.equalsExact(geometry, 1e-9)).isTrue();
		});
	}

	@Test
	void everyBowTieIsRefused() {
		Properties.forAll(21_203, random -> {
			double lon = random.nextDouble(-170, 170);
			double lat = random.nextDouble(-80, 80);
			double w = random.nextDouble(0.0001, 1);
			double h = random.nextDouble(0.0001, 1);
			return polygonOf(lon, lat, lon + w, lat + h, lon + w, lat, lon, lat + h, lon, lat);
		}, node -> {
			FieldErrors errors = new FieldErrors();
			assertThat(Boundaries.read(node, "boundary", errors)).isNull();
			assertThat(errors.list()).extracting(org.govgrid.platform.InvalidInputException.FieldProblem::field)
				.contains("boundary");
		});
	}

	/** A regular n-gon, counter-clockwise, somewhere on the globe. */
	static JsonNode convexPolygon(SplittableRandom random) {
		int n = random.nextInt(3, 40);
		double lon = random.nextDouble(-170, 170);
		double lat = random.nextDouble(-80, 80);
		double r = random.nextDouble(0.0005, 5);
		double[] points = new double[2 * (n + 1)];
		for (int i = 0; i <= n; i++) {
			double angle = 2 * Math.PI * (i % n) / n;
			points[2 * i] = lon + r * Math.cos(angle);
			points[2 * i + 1] = lat + r * Math.sin(angle);
		}
		return polygonOf(points);
	}

	static JsonNode polygonOf(double... lonLat) {
		ArrayNode ring = NODES.arrayNode();
		for (int i = 0; i < lonLat.length; i += 2) {
			ring.add(NODES.arrayNode().add(lonLat[i]).add(lonLat[i + 1]));
		}
		ObjectNode polygon = NODES.objectNode();
		polygon.put("type", "Polygon");
		polygon.set("coordinates", NODES.arrayNode().add(ring));
		return polygon;
	}

	/** Mostly GeoJSON-shaped nonsense: wrong types, depths, numbers, strings. */
	static JsonNode randomGeoJsonish(SplittableRandom random, int depth) {
		int pick = depth > 4 ? random.nextInt(5) : random.nextInt(9);
		return switch (pick) {
			case 0 -> NODES.numberNode(random.nextDouble(-1e6, 1e6));
			case 1 -> NODES.stringNode(Properties.anyText(random, 8));
			case 2 -> NODES.nullNode();
			case 3 -> NODES.booleanNode(random.nextBoolean());
			case 4 -> NODES.numberNode(random.nextBoolean() ? Double.NaN : Double.POSITIVE_INFINITY);
			case 5, 6 -> {
				ArrayNode array = NODES.arrayNode();
				for (int i = random.nextInt(6); i > 0; i--) {
					array.add(randomGeoJsonish(random, depth + 1));
				}
				yield array;
			}
			default -> {
				ObjectNode object = NODES.objectNode();
				object.put("type", switch (random.nextInt(4)) {
					case 0 -> "Polygon";
					case 1 -> "MultiPolygon";
					case 2 -> "Point";
					default -> Properties.anyText(random, 5);
				});
				object.set("coordinates", random.nextInt(4) == 0 ? convexPolygon(random).get("coordinates")
						: randomGeoJsonish(random, depth + 1));
				yield object;
			}
		};
	}

}
