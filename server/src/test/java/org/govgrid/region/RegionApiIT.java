package org.govgrid.region;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region API as a city administrator uses it. The demo communities are tiled by their
 * grids, so each test that writes builds its own district → town → community "sandbox" in
 * the empty margin of the city north of the demo district (codes 320560…, one slot each).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionApiIT extends ApiIntegrationTest {

	private static final String API = "/api/v1/regions";

	/** The demo district spans lat 31.285–31.318; the city reaches 31.358. */
	private static final double SANDBOX_SOUTH = 31.325;

	private static final double SANDBOX_NORTH = 31.350;

	private static final double SANDBOX_WEST = 120.525;

	private static final double SANDBOX_WIDTH = 0.012;

	private static final double SANDBOX_STEP = 0.015;

	private static final AtomicInteger SLOTS = new AtomicInteger();

	private ApiClient admin;

	@BeforeAll
	void cityAdministrator() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
	}

	@Test
	void gridInsideItsCommunityIsCreatedAndFoundByLocate() {
		Sandbox sandbox = sandbox();
		Box west = sandbox.box().westHalf();

		Response created = this.admin.post(API,
				region(sandbox.community(), "GRID", sandbox.communityCode() + "001", "  沙盒第一网格 ", west));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode grid = created.json();
		long id = grid.path("id").asLong();
		assertThat(grid.path("code").asString()).isEqualTo(sandbox.communityCode() + "001");
		assertThat(grid.path("name").asString()).isEqualTo("沙盒第一网格");
		assertThat(grid.path("level").asString()).isEqualTo("GRID");
		assertThat(grid.path("parentId").asLong()).isEqualTo(sandbox.community());
		assertThat(grid.path("path").asString())
			.isEqualTo(sandbox.communityPath() + "/" + sandbox.communityCode() + "001");
		assertThat(grid.path("boundary").path("type").asString()).isEqualTo("Polygon");
		assertThat(grid.path("center").path("lon").asDouble()).isBetween(west.west(), west.east());
		assertThat(grid.path("center").path("lat").asDouble()).isBetween(west.south(), west.north());
		assertThat(auditRows("REGION_CREATE", id)).isEqualTo(1);

		Response located = this.admin.get(API + "/locate?lon=" + west.centerLon() + "&lat=" + west.centerLat());
		assertThat(located.status()).as(located.body()).isEqualTo(200);
		assertThat(located.json().path("id").asLong()).isEqualTo(id);
		Box east = sandbox.box().eastHalf();
		assertThat(this.admin.get(API + "/locate?lon=" + east.centerLon() + "&lat=" + east.centerLat()).status())
			.isEqualTo(404);
		assertThat(this.admin.get(API + "/" + id).json().path("code").asString())
			.isEqualTo(sandbox.communityCode() + "001");
	}

	@Test
	void everyBadFieldIsNamedAndNothingIsWritten() {
		Sandbox sandbox = sandbox();
		Map<String, Object> openRing = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(120.53, 31.33),
				List.of(120.531, 31.33), List.of(120.531, 31.331), List.of(120.53, 31.331))));
		long regionsBefore = regionCount();
		long auditBefore = auditRows("REGION_CREATE", null);

		// a community cannot contain a town; a town code has 9 digits; no name; open ring
		Response response = this.admin.post(API, region(sandbox.community(), "TOWN", "32056X", " ", openRing));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.problemType()).isEqualTo("https://govgrid.org/problems/invalid-input");
		assertThat(response.errorFields()).containsExactlyInAnyOrder("level", "code", "name",
				"boundary.coordinates[0]");
		assertThat(regionCount()).isEqualTo(regionsBefore);
		assertThat(auditRows("REGION_CREATE", null)).isEqualTo(auditBefore);
	}

	@Test
	void codeMustContinueTheParentCode() {
		Sandbox sandbox = sandbox();
		long regionsBefore = regionCount();

		Response response = this.admin.post(API,
				region(sandbox.community(), "GRID", "320505006001099", "错位网格", sandbox.box().westHalf()));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("code");
		assertThat(message(response, "code")).contains(sandbox.communityCode());
		assertThat(regionCount()).isEqualTo(regionsBefore);
	}

	@Test
	void boundaryOutsideTheParentIsRefused() {
		Sandbox sandbox = sandbox();
		Box box = sandbox.box();
		Box spillsOver = new Box(box.west() + 0.002, box.south() + 0.002, box.east() + 0.002, box.north() - 0.002);

		Response response = this.admin.post(API,
				region(sandbox.community(), "GRID", sandbox.communityCode() + "001", "越界网格", spillsOver));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("boundary");
		assertThat(message(response, "boundary")).contains("inside the parent");
		assertThat(this.jdbc.queryForObject("select count(*) from region where parent_id = ?", Long.class,
				sandbox.community()))
			.isZero();
	}

	@Test
	void gridOverlappingASiblingIsRefused() {
		Sandbox sandbox = sandbox();
		Box box = sandbox.box();
		String first = sandbox.communityCode() + "001";
		assertThat(this.admin.post(API, region(sandbox.community(), "GRID", first, "第一网格", box.westHalf())).status())
			.isEqualTo(201);
		Box overlapping = new Box(box.west() + box.width() / 4, box.south(), box.east(), box.north());

		Response response = this.admin.post(API,
				region(sandbox.community(), "GRID", sandbox.communityCode() + "002", "重叠网格", overlapping));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("boundary");
		assertThat(message(response, "boundary")).contains(first);
		// sharing an edge is not an overlap
		assertThat(
				this.admin
					.post(API,
							region(sandbox.community(), "GRID", sandbox.communityCode() + "002", "相邻网格",
									box.eastHalf()))
					.status())
			.isEqualTo(201);
	}

	@Test
	void levelMustBeTheParentsChildLevel() {
		Sandbox sandbox = sandbox();

		Response community = this.admin.post(API, region(sandbox.community(), "COMMUNITY",
				sandbox.communityCode().substring(0, 9) + "002", "社区下的社区", sandbox.box().westHalf()));
		assertThat(community.status()).isEqualTo(400);
		assertThat(community.errorFields()).containsExactly("level");
		assertThat(message(community, "level")).contains("GRID");

		Map<String, Object> noLevel = region(sandbox.community(), null, sandbox.communityCode() + "001", "无层级网格",
				sandbox.box().westHalf());
		assertThat(this.admin.post(API, noLevel).errorFields()).containsExactly("level");

		Response orphan = this.admin.post(API,
				region(null, "GRID", sandbox.communityCode() + "001", "无上级网格", sandbox.box().westHalf()));
		assertThat(orphan.errorFields()).containsExactly("parentId");

		Response city = this.admin.post(API, region(null, "CITY", "320600", "新城市", null));
		assertThat(city.errorFields()).containsExactly("parentId");
	}

	@Test
	void codeInUseIsRefused() {
		Sandbox sandbox = sandbox();
		String code = sandbox.communityCode() + "001";
		assertThat(this.admin.post(API, region(sandbox.community(), "GRID", code, "第一网格", sandbox.box().westHalf()))
			.status()).isEqualTo(201);

		Response duplicate = this.admin.post(API,
				region(sandbox.community(), "GRID", code, "同号网格", sandbox.box().eastHalf()));

		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.errorFields()).containsExactly("code");
		assertThat(message(duplicate, "code")).contains("already in use");
		assertThat(this.jdbc.queryForObject("select count(*) from region where code = ?", Long.class, code))
			.isEqualTo(1);
	}

	@Test
	void updateThatWouldLeaveAChildOutsideIsRefusedAndChangesNothing() {
		Sandbox sandbox = sandbox();
		Box box = sandbox.box();
		assertThat(
				this.admin
					.post(API,
							region(sandbox.community(), "GRID", sandbox.communityCode() + "001", "东侧网格",
									box.eastHalf()))
					.status())
			.isEqualTo(201);
		String boundaryBefore = this.admin.get(API + "/" + sandbox.community()).json().path("boundary").toString();

		Response shrunk = this.admin.put(API + "/" + sandbox.community(),
				Map.of("name", "缩小的社区", "boundary", box.westHalf().geoJson()));

		assertThat(shrunk.status()).isEqualTo(400);
		assertThat(shrunk.errorFields()).containsExactly("boundary");
		assertThat(message(shrunk, "boundary")).contains("东侧网格");
		JsonNode after = this.admin.get(API + "/" + sandbox.community()).json();
		assertThat(after.path("boundary").toString()).isEqualTo(boundaryBefore);
		assertThat(after.path("name").asString()).isEqualTo("沙盒社区");

		Map<String, Object> rename = new LinkedHashMap<>();
		rename.put("name", "改名社区");
		rename.put("boundary", null); // null: keep the boundary
		Response renamed = this.admin.put(API + "/" + sandbox.community(), rename);
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().path("name").asString()).isEqualTo("改名社区");
		assertThat(renamed.json().path("boundary").toString()).isEqualTo(boundaryBefore);
	}

	@Test
	void gridsOfACommunityAreAGeoJsonFeatureCollection() {
		long community = this.accounts.region("320505006001").id();

		Response response = this.admin.get(API + "/" + community + "/grids.geojson");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).startsWith("application/geo+json");
		JsonNode collection = response.json();
		assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
		List<String> codes = new ArrayList<>();
		collection.path("features").forEach(feature -> {
			assertThat(feature.path("type").asString()).isEqualTo("Feature");
			assertThat(feature.path("geometry").path("type").asString()).isEqualTo("Polygon");
			assertThat(feature.path("geometry").path("coordinates").get(0).size()).isGreaterThanOrEqualTo(4);
			JsonNode properties = feature.path("properties");
			assertThat(properties.path("id").asLong()).isPositive();
			assertThat(properties.path("name").asString()).startsWith("狮山社区第");
			assertThat(properties.path("parentId").asLong()).isEqualTo(community);
			assertThat(properties.path("parentName").asString()).isEqualTo("狮山社区");
			codes.add(properties.path("code").asString());
		});
		assertThat(codes).containsExactlyInAnyOrder("320505006001001", "320505006001002", "320505006001003",
				"320505006001004");
	}

	@Test
	void treeOfATownScopedUserStartsAtTheTown() {
		ApiClient leader = this.accounts.signedIn(this.port, "TOWN_LEADER", "320505006");

		JsonNode tree = leader.get(API + "/tree").json();

		assertThat(tree).hasSize(1);
		JsonNode town = tree.get(0);
		assertThat(town.path("code").asString()).isEqualTo("320505006");
		assertThat(town.path("level").asString()).isEqualTo("TOWN");
		assertThat(town.path("children")).hasSize(3);
		town.path("children").forEach(community -> {
			assertThat(community.path("level").asString()).isEqualTo("COMMUNITY");
			assertThat(community.path("code").asString()).startsWith("320505006");
			assertThat(community.path("children")).hasSize(4);
		});
		assertThat(tree.toString()).doesNotContain("320505007");

		JsonNode shallow = leader.get(API + "/tree?deepest=COMMUNITY").json();
		assertThat(shallow.get(0).path("children")).hasSize(3);
		shallow.get(0).path("children").forEach(community -> assertThat(community.path("children")).isEmpty());
	}

	@Test
	void malformedJsonIsABadRequestNamingTheField() {
		long regionsBefore = regionCount();

		Response wrongType = this.admin.postRaw(API, "{\"parentId\": \"not-a-number\", \"level\": \"GRID\"}");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.problemType()).isEqualTo("https://govgrid.org/problems/invalid-input");
		assertThat(wrongType.errorFields()).containsExactly("parentId");

		Response unknownLevel = this.admin.postRaw(API, "{\"level\": \"PLANET\", \"code\": \"320599\"}");
		assertThat(unknownLevel.status()).isEqualTo(400);
		assertThat(unknownLevel.errorFields()).containsExactly("level");

		Response truncated = this.admin.postRaw(API, "{\"level\": \"GRID\", \"name\": ");
		assertThat(truncated.status()).isEqualTo(400);
		assertThat(truncated.errorFields()).hasSize(1);

		assertThat(regionCount()).isEqualTo(regionsBefore);
	}

	@Test
	void locateOutsideTheValidRangeNamesLonAndLat() {
		Response outOfRange = this.admin.get(API + "/locate?lon=180.5&lat=-91");
		assertThat(outOfRange.status()).isEqualTo(400);
		assertThat(outOfRange.errorFields()).containsExactlyInAnyOrder("lon", "lat");

		assertThat(this.admin.get(API + "/locate").errorFields()).containsExactlyInAnyOrder("lon", "lat");
		assertThat(this.admin.get(API + "/locate?lon=NaN&lat=NaN").errorFields()).containsExactlyInAnyOrder("lon",
				"lat");
		assertThat(this.admin.get(API + "/locate?lon=Infinity&lat=31.3").errorFields()).containsExactly("lon");
		Response notANumber = this.admin.get(API + "/locate?lon=east&lat=31.3");
		assertThat(notANumber.status()).isEqualTo(400);
		assertThat(notANumber.errorFields()).containsExactly("lon");
	}

	@Test
	void townScopedAdministratorCannotPlaceRegionsInAnotherTown() {
		ApiClient townAdmin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320505006");
		long otherCommunity = this.accounts.region("320505007001").id();

		Response response = townAdmin.post(API,
				region(otherCommunity, "GRID", "320505007001099", "越权网格", new Box(120.6, 31.29, 120.601, 31.291)));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).contains("parentId");
		assertThat(townAdmin.put(API + "/" + otherCommunity, Map.of("name", "越权改名")).status()).isEqualTo(404);
		assertThat(this.admin.get(API + "/" + otherCommunity).json().path("name").asString()).isEqualTo("枫津社区");
	}

	/**
	 * A fresh district → town → community sharing one empty box of the city margin.
	 */
	private Sandbox sandbox() {
		int slot = SLOTS.getAndIncrement();
		assertThat(slot).as("sandbox slots in the city margin").isLessThan(11);
		double west = SANDBOX_WEST + slot * SANDBOX_STEP;
		Box box = new Box(west, SANDBOX_SOUTH, west + SANDBOX_WIDTH, SANDBOX_NORTH);
		long city = this.accounts.region("320500").id();
		String districtCode = "3205" + (60 + slot);
		long district = create(region(city, "DISTRICT", districtCode, "沙盒区" + slot, box));
		long town = create(region(district, "TOWN", districtCode + "001", "沙盒街道", box));
		long community = create(region(town, "COMMUNITY", districtCode + "001001", "沙盒社区", box));
		return new Sandbox(community, districtCode + "001001",
				"320500/" + districtCode + "/" + districtCode + "001/" + districtCode + "001001", box);
	}

	private long create(Map<String, Object> region) {
		Response response = this.admin.post(API, region);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private static Map<String, Object> region(Long parentId, String level, String code, String name, Object boundary) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("parentId", parentId);
		body.put("level", level);
		body.put("code", code);
		body.put("name", name);
		body.put("boundary", boundary instanceof Box box ? box.geoJson() : boundary);
		return body;
	}

	private static String message(Response response, String field) {
		for (JsonNode error : response.json().path("errors")) {
			if (error.path("field").asString().equals(field)) {
				return error.path("message").asString();
			}
		}
		return null;
	}

	private long regionCount() {
		return this.jdbc.queryForObject("select count(*) from region", Long.class);
	}

	private long auditRows(String action, Long objectId) {
		return objectId == null
				? this.jdbc.queryForObject("select count(*) from audit_log where action = ?", Long.class, action)
				: this.jdbc.queryForObject("select count(*) from audit_log where action = ? and object_id = ?",
						Long.class, action, objectId.toString());
	}

	private record Sandbox(long community, String communityCode, String communityPath, Box box) {
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

		Box westHalf() {
			return new Box(this.west, this.south, centerLon(), this.north);
		}

		Box eastHalf() {
			return new Box(centerLon(), this.south, this.east, this.north);
		}

		Map<String, Object> geoJson() {
			return Map.of("type", "Polygon", "coordinates",
					List.of(List.of(List.of(this.west, this.south), List.of(this.east, this.south),
							List.of(this.east, this.north), List.of(this.west, this.north),
							List.of(this.west, this.south))));
		}

	}

}
