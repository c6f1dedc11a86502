package org.govgrid.region;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk boundary import through the API. Each test builds its own district → town in the
 * empty south margin of the demo city (district codes 320580…, one slot each; the region
 * API tests use the north margin), so no demo grid is touched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundaryImportIT extends ApiIntegrationTest {

	private static final String API = "/api/v1/regions";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The demo district starts at lat 31.285; the city reaches down to 31.245. */
	private static final double SOUTH = 31.250;

	private static final double NORTH = 31.280;

	private static final double WEST = 120.530;

	private static final double STEP = 0.026;

	private static final AtomicInteger SLOTS = new AtomicInteger();

	private ApiClient admin;

	@BeforeAll
	void cityAdministrator() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
	}

	@Test
	void dryRunNamesTheThreeBadFeaturesAndWritesNothingThenTheFixedFileCommits() {
		Town town = town();
		String community = town.code() + "001";
		long communityId = create(town.id(), "COMMUNITY", community, "导入社区", town.box());
		List<Map<String, Object>> features = lattice(community, town.box(), 20, 10);
		// three bad features: a self-intersecting bow tie, an overlap of its neighbour,
		// an
		// unknown parent
		Map<String, Object> bowTie = features.get(17);
		Box b = town.box().cell(17 % 20, 17 / 20, 20, 10);
		bowTie.put("geometry", polygon(List.of(List.of(b.west(), b.south()), List.of(b.east(), b.north()),
				List.of(b.east(), b.south()), List.of(b.west(), b.north()), List.of(b.west(), b.south()))));
		Map<String, Object> overlapping = features.get(51);
		Box o = town.box().cell(51 % 20, 51 / 20, 20, 10);
		overlapping.put("geometry", new Box(o.west() - o.width() / 2, o.south(), o.east(), o.north()).geoJson());
		props(features.get(120)).put("parent", town.code() + "999");
		long regionsBefore = regionCount();

		JsonNode dry = finished(upload(features, "true"));

		assertThat(dry.path("status").asString()).isEqualTo("DONE");
		assertThat(dry.path("total").asInt()).isEqualTo(200);
		assertThat(dry.path("processed").asInt()).isEqualTo(200);
		assertThat(dry.path("valid").asInt()).isEqualTo(197);
		assertThat(dry.path("committed").asInt()).isZero();
		Map<Integer, String> errors = errorsByIndex(dry);
		assertThat(errors).containsOnlyKeys(17, 51, 120);
		assertThat(errors.get(17)).contains("bad geometry").contains("Self-intersection");
		assertThat(errors.get(51)).contains("overlaps sibling " + community + "051");
		assertThat(errors.get(120)).contains("unknown parent " + town.code() + "999");
		assertThat(dry.path("errors").get(0).path("code").asString()).isEqualTo(community + "018");
		assertThat(regionCount()).isEqualTo(regionsBefore);

		List<Map<String, Object>> fixed = lattice(community, town.box(), 20, 10);
		JsonNode committed = finished(upload(fixed, "false"));

		assertThat(committed.path("status").asString()).isEqualTo("DONE");
		assertThat(committed.path("errors").isEmpty()).isTrue();
		assertThat(committed.path("valid").asInt()).isEqualTo(200);
		assertThat(committed.path("committed").asInt()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select count(*) from region where parent_id = ? and level = 'GRID'",
				Long.class, communityId))
			.isEqualTo(200);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'REGION_IMPORT' and object_id = ?", Long.class,
				committed.path("id").asString()))
			.isOne();
		Box cell = town.box().cell(7, 3, 20, 10);
		Response located = this.admin.get(API + "/locate?lon=" + cell.centerLon() + "&lat=" + cell.centerLat());
		assertThat(located.status()).as(located.body()).isEqualTo(200);
		assertThat(located.json().path("code").asString()).isEqualTo(community + "068");
		assertThat(located.json().path("path").asString())
			.isEqualTo(town.path() + "/" + community + "/" + community + "068");
	}

	@Test
	void parentsInTheFileComeFirstWhateverTheOrderAndEachRuleIsNamed() {
		Town town = town();
		Box box = town.box();
		String west = town.code() + "001";
		String east = town.code() + "002";
		long eastId = create(town.id(), "COMMUNITY", east, "已有社区", box.eastHalf());
		create(eastId, "GRID", east + "001", "已有网格", box.eastHalf().cell(0, 0, 2, 2));
		List<Map<String, Object>> features = new ArrayList<>();
		// grids of the west community before the community itself
		features.add(feature(west + "001", "西一网格", west, box.westHalf().cell(0, 0, 2, 2)));
		features.add(feature(west + "002", "西二网格", west, box.westHalf().cell(1, 0, 2, 2)));
		features.add(feature(west, "西社区", town.code(), box.westHalf()));
		// overlaps the stored grid of the east community
		features.add(feature(east + "002", "重叠网格", east, box.eastHalf().cell(0, 0, 2, 2)));
		// reaches out of the east community
		Box spill = box.eastHalf().cell(1, 1, 2, 2);
		features.add(feature(east + "003", "越界网格", east,
				new Box(spill.west(), spill.south(), spill.east() + 0.01, spill.north())));
		// duplicate codes: one stored, one twice in the file
		features.add(feature(east + "001", "同号网格", east, box.eastHalf().cell(1, 0, 2, 2)));
		features.add(feature(west + "002", "文件内同号", west, box.westHalf().cell(0, 1, 2, 2)));
		// a parent neither stored nor in the file
		features.add(feature(town.code() + "077001", "孤儿网格", town.code() + "077", box.westHalf().cell(1, 1, 2, 2)));

		JsonNode report = finished(upload(features, "false"));

		assertThat(report.path("total").asInt()).isEqualTo(8);
		Map<Integer, String> errors = errorsByIndex(report);
		assertThat(errors).containsOnlyKeys(3, 4, 5, 6, 7);
		assertThat(errors.get(3)).contains("overlaps sibling " + east + "001 (stored)");
		assertThat(errors.get(4)).contains("outside the parent " + east);
		assertThat(errors.get(5)).contains("duplicate code: already in use");
		assertThat(errors.get(6)).contains("duplicate code: also feature 1");
		assertThat(errors.get(7)).contains("unknown parent " + town.code() + "077");
		assertThat(report.path("committed").asInt()).as("all or nothing").isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from region where code like ?", Long.class, west + "%"))
			.isZero();

		JsonNode fixed = finished(upload(features.subList(0, 3), "false"));

		assertThat(fixed.path("committed").asInt()).as(fixed.toString()).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("select path from region where code = ?", String.class, west + "002"))
			.isEqualTo(town.path() + "/" + west + "/" + west + "002");
	}

	@Test
	void gcj02PositionsAreStoredAsWgs84() {
		Town town = town();
		Box box = town.box();
		String community = town.code() + "001";
		// the offset near Suzhou is ~500 m: shift the community's corners into GCJ-02
		List<List<Double>> ring = new ArrayList<>();
		double[][] corners = { { box.west() + 0.006, box.south() + 0.006 }, { box.east() - 0.006, box.south() + 0.006 },
				{ box.east() - 0.006, box.north() - 0.006 }, { box.west() + 0.006, box.north() - 0.006 },
				{ box.west() + 0.006, box.south() + 0.006 } };
		for (double[] corner : corners) {
			org.locationtech.jts.geom.Coordinate gcj = Gcj02.toGcj02(corner[0], corner[1]);
			ring.add(List.of(gcj.x, gcj.y));
		}
		Map<String, Object> feature = feature(community, "火星坐标社区", town.code(), box);
		feature.put("geometry", polygon(ring));

		JsonNode report = finished(upload(List.of(feature), "false", "GCJ02"));

		assertThat(report.path("committed").asInt()).as(report.toString()).isOne();
		Map<String, Object> stored = this.jdbc.queryForMap("select min_lon, min_lat from region where code = ?",
				community);
		assertThat((Double) stored.get("min_lon")).isCloseTo(box.west() + 0.006,
				org.assertj.core.data.Offset.offset(1e-6));
		assertThat((Double) stored.get("min_lat")).isCloseTo(box.south() + 0.006,
				org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void badParametersAreNamedAndAnotherTownsJobIsNotFound() {
		Town town = town();
		Response bad = this.admin.upload("/api/v1/regions/imports?dryRun=maybe&crs=MARS&regionId=" + town.id(),
				"x.geojson", "{\"type\": \"Point\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("dryRun", "crs");
		Response notCollection = this.admin.upload("/api/v1/regions/imports?regionId=" + town.id(), "x.geojson",
				"{\"type\": \"Point\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(notCollection.errorFields()).containsExactly("file");
		Response zip = this.admin.upload("/api/v1/regions/imports?regionId=" + town.id(), "grids.zip",
				new byte[] { 'P', 'K', 3, 4, 0, 0 });
		assertThat(zip.status()).as(zip.body()).isEqualTo(415);
		assertThat(zip.errorFields()).containsExactly("file");
		assertThat(zip.json().path("detail").asString()).contains("console").contains("GeoJSON");

		String job = upload(lattice(town.code() + "001", town.box(), 2, 2), "true").json().path("id").asString();
		ApiClient otherTown = this.accounts.signedIn(this.port, "SYS_ADMIN", "320505007");
		assertThat(otherTown.get("/api/v1/regions/imports/" + job).status()).isEqualTo(404);
		assertThat(otherTown.upload("/api/v1/regions/imports?regionId=" + town.id(), "x.geojson", new byte[] { '{' })
			.status()).isEqualTo(404);
	}

	private Response upload(List<Map<String, Object>> features, String dryRun) {
		return upload(features, dryRun, "CGCS2000");
	}

	private Response upload(List<Map<String, Object>> features, String dryRun, String crs) {
		byte[] content = JSON.writeValueAsBytes(Map.of("type", "FeatureCollection", "features", features));
		Response response = this.admin.upload("/api/v1/regions/imports?dryRun=" + dryRun
				+ "&codeField=code&nameField=name&parentCodeField=parent&crs=" + crs, "grids.geojson", content);
		assertThat(response.status()).as(response.body()).isEqualTo(202);
		return response;
	}

	private JsonNode finished(Response started) {
		String path = "/api/v1/regions/imports/" + started.json().path("id").asLong();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			Response job = this.admin.get(path);
			assertThat(job.status()).as(job.body()).isEqualTo(200);
			if (!job.json().path("status").asString().equals("RUNNING")) {
				return job.json();
			}
			assertThat(System.nanoTime()).as("import finished").isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static Map<Integer, String> errorsByIndex(JsonNode report) {
		Map<Integer, String> errors = new LinkedHashMap<>();
		report.path("errors").forEach(e -> errors.put(e.path("index").asInt(), e.path("message").asString()));
		return errors;
	}

	/** Grids {@code community + 001…} tiling the box, row by row from the south-west. */
	private static List<Map<String, Object>> lattice(String community, Box box, int columns, int rows) {
		List<Map<String, Object>> features = new ArrayList<>();
		for (int i = 0; i < columns * rows; i++) {
			features.add(feature(community + String.format("%03d", i + 1), "导入网格" + (i + 1), community,
					box.cell(i % columns, i / columns, columns, rows)));
		}
		return features;
	}

	private static Map<String, Object> feature(String code, String name, String parent, Box box) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("code", code);
		properties.put("name", name);
		properties.put("parent", parent);
		Map<String, Object> feature = new LinkedHashMap<>();
		feature.put("type", "Feature");
		feature.put("properties", properties);
		feature.put("geometry", box.geoJson());
		return feature;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> props(Map<String, Object> feature) {
		return (Map<String, Object>) feature.get("properties");
	}

	private static Map<String, Object> polygon(List<List<Double>> ring) {
		return Map.of("type", "Polygon", "coordinates", List.of(ring));
	}

	private Town town() {
		int slot = SLOTS.getAndIncrement();
		assertThat(slot).as("sandbox slots in the south margin").isLessThan(6);
		double west = WEST + slot * STEP;
		Box box = new Box(west, SOUTH, west + STEP - 0.002, NORTH);
		String district = "3205" + (80 + slot);
		long districtId = create(this.accounts.region("320500").id(), "DISTRICT", district, "导入测试区" + slot, box);
		String code = district + "001";
		long town = create(districtId, "TOWN", code, "导入测试街道", box);
		return new Town(town, code, "320500/" + district + "/" + code, box);
	}

	private long create(long parentId, String level, String code, String name, Box box) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("parentId", parentId);
		body.put("level", level);
		body.put("code", code);
		body.put("name", name);
		body.put("boundary", box.geoJson());
		Response response = this.admin.post(API, body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private long regionCount() {
		return this.jdbc.queryForObject("select count(*) from region", Long.class);
	}

	private record Town(long id, String code, String path, Box box) {
	}

	/** A lon/lat rectangle. */
	private record Box(double west, double south, double east, double north) {

		double width() {
			return this.east - this.west;
		}

		double centerLon() {
			return (this.west + this.east) / 2;
		}

		double centerLat() {
			return (this.south + this.north) / 2;
		}

		Box eastHalf() {
			return new Box(centerLon(), this.south, this.east, this.north);
		}

		Box westHalf() {
			return new Box(this.west, this.south, centerLon(), this.north);
		}

		/** Cell (column, row) of a columns × rows lattice over this box. */
		Box cell(int column, int row, int columns, int rows) {
			double w = (this.east - this.west) / columns;
			double h = (this.north - this.south) / rows;
			return new Box(this.west + column * w, this.south + row * h, this.west + (column + 1) * w,
					this.south + (row + 1) * h);
		}

		Map<String, Object> geoJson() {
			return polygon(List.of(List.of(this.west, this.south), List.of(this.east, this.south),
					List.of(this.east, this.north), List.of(this.west, this.north), List.of(this.west, this.south)));
		}

	}

}
