package org.govgrid.region;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drawing tool's API: a drawn boundary checked as saving would check it, a grid split
 * along a line, two grids merged. Everything sits in its own district 320595 in the empty
 * west margin of the demo city (lon 120.523–120.539; the demo district starts at 120.56),
 * one row of the community per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundaryEditIT extends ApiIntegrationTest {

	private static final String API = "/api/v1/regions";

	private static final double WEST = 120.523;

	private static final double EAST = 120.539;

	private static final double MIDDLE = 120.531;

	private static final String COMMUNITY = "320595001001";

	private ApiClient admin;

	private long communityId;

	@BeforeAll
	void sandbox() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		long district = create(this.accounts.region("320500").id(), "DISTRICT", "320595", "绘制测试区", box(31.289, 31.315));
		long town = create(district, "TOWN", "320595001", "绘制测试街道", box(31.289, 31.315));
		this.communityId = create(town, "COMMUNITY", COMMUNITY, "绘制测试社区", box(31.290, 31.314));
	}

	@Test
	void aDrawnBoundaryIsCheckedAsSavingWouldCheckItAndNamesTheNeighbour() {
		long west = create(this.communityId, "GRID", COMMUNITY + "001", "绘制网格一", rect(WEST, 31.290, MIDDLE, 31.297));

		JsonNode overlap = validate(this.communityId, null, rect(MIDDLE - 0.002, 31.290, EAST, 31.297));
		assertThat(overlap.path("valid").asBoolean()).isFalse();
		assertThat(overlap.path("problems").get(0).path("neighbourCode").asString()).isEqualTo(COMMUNITY + "001");
		assertThat(overlap.path("problems").get(0).path("message").asString()).contains("与同级区域重叠");

		JsonNode snapped = validate(this.communityId, null, rect(MIDDLE, 31.290, EAST, 31.297));
		assertThat(snapped.path("valid").asBoolean()).as(snapped.toString()).isTrue();
		assertThat(snapped.path("problems").size()).isZero();

		JsonNode outside = validate(this.communityId, null, rect(MIDDLE, 31.290, EAST + 0.01, 31.297));
		assertThat(outside.path("problems").get(0).path("message").asString()).contains("上级区域之内");

		Map<String, Object> bowTie = Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(WEST, 31.290),
				List.of(MIDDLE, 31.297), List.of(MIDDLE, 31.290), List.of(WEST, 31.297), List.of(WEST, 31.290))));
		JsonNode bad = validate(this.communityId, null, bowTie);
		assertThat(bad.path("problems").get(0).path("field").asString()).isEqualTo("geometry");

		// editing the grid itself: its own old boundary is no neighbour
		JsonNode moved = validate(null, west, rect(WEST, 31.290, MIDDLE + 0.001, 31.297));
		assertThat(moved.path("valid").asBoolean()).as(moved.toString()).isTrue();

		Response noParent = this.admin.post(API + "/boundaries/validate", Map.of("geometry", rect(WEST, 1, 2, 3)));
		assertThat(noParent.status()).as(noParent.body()).isEqualTo(400);
		assertThat(noParent.errorFields()).containsExactly("parentId");
		ApiClient otherTown = this.accounts.signedIn(this.port, "SYS_ADMIN", "320505007");
		assertThat(otherTown
			.post(API + "/boundaries/validate", body("parentId", this.communityId, "geometry", rect(WEST, 1, 2, 3)))
			.status()).isEqualTo(404);
	}

	@Test
	void aGridSplitAlongALineBecomesTwoGridsTheLocatorFindsAndABadSplitWritesNothing() {
		long grid = create(this.communityId, "GRID", COMMUNITY + "011", "分割网格", rect(WEST, 31.298, EAST, 31.305));
		Map<String, Object> line = Map.of("type", "LineString", "coordinates",
				List.of(List.of(MIDDLE, 31.2975), List.of(MIDDLE, 31.3055)));
		long regionsBefore = regionCount();

		Response bad = this.admin.post(API + "/" + grid + "/split",
				body("line",
						Map.of("type", "LineString", "coordinates",
								List.of(List.of(WEST - 0.01, 31.2975), List.of(WEST - 0.005, 31.3055))),
						"code", "1", "name", " "));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("line", "code", "name");
		assertThat(regionCount()).isEqualTo(regionsBefore);

		Response split = this.admin.post(API + "/" + grid + "/split",
				body("line", line, "code", COMMUNITY + "012", "name", "分割网格东"));
		assertThat(split.status()).as(split.body()).isEqualTo(200);
		long created = split.json().path("created").path("id").asLong();
		assertThat(split.json().path("kept").path("id").asLong()).isEqualTo(grid);
		assertThat(split.json().path("created").path("code").asString()).isEqualTo(COMMUNITY + "012");
		assertThat(regionCount()).isEqualTo(regionsBefore + 1);
		assertThat(located((WEST + MIDDLE) / 2, 31.301)).isEqualTo(grid);
		assertThat(located((MIDDLE + EAST) / 2, 31.301)).isEqualTo(created);
		assertThat(auditRows("REGION_SPLIT", grid)).isEqualTo(1);

		Response again = this.admin.post(API + "/" + grid + "/split",
				body("line", line, "code", COMMUNITY + "012", "name", "重复"));
		assertThat(again.errorFields()).containsExactlyInAnyOrder("line", "code");
		ApiClient otherTown = this.accounts.signedIn(this.port, "SYS_ADMIN", "320505007");
		assertThat(otherTown.post(API + "/" + grid + "/split", body("line", line)).status()).isEqualTo(404);
	}

	@Test
	void twoAdjacentGridsMergeIntoTheFirstAndGridsApartAreRefused() {
		long first = create(this.communityId, "GRID", COMMUNITY + "021", "合并网格西", rect(WEST, 31.306, MIDDLE, 31.313));
		long second = create(this.communityId, "GRID", COMMUNITY + "022", "合并网格东", rect(MIDDLE, 31.306, EAST, 31.313));
		long apart = create(this.communityId, "GRID", COMMUNITY + "023", "远处网格",
				rect(WEST, 31.2975 - 0.0004, WEST + 0.001, 31.2975 - 0.0001));
		ApiClient otherTown = this.accounts.signedIn(this.port, "SYS_ADMIN", "320505007");
		assertThat(otherTown.post(API + "/merge", body("ids", List.of(first, second))).status()).isEqualTo(404);

		Response notAdjacent = this.admin.post(API + "/merge", body("ids", List.of(first, apart)));
		assertThat(notAdjacent.status()).as(notAdjacent.body()).isEqualTo(400);
		assertThat(notAdjacent.errorFields()).containsExactly("ids");
		assertThat(this.admin.post(API + "/merge", body("ids", List.of(first))).errorFields()).containsExactly("ids");

		Response merged = this.admin.post(API + "/merge", body("ids", List.of(first, second), "name", "合并网格"));
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().path("name").asString()).isEqualTo("合并网格");
		assertThat(this.admin.get(API + "/" + second).status()).isEqualTo(404);
		assertThat(located((MIDDLE + EAST) / 2, 31.310)).isEqualTo(first);
		assertThat(auditRows("REGION_MERGE", first)).isEqualTo(1);
	}

	private JsonNode validate(Long parentId, Long regionId, Map<String, Object> geometry) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("parentId", parentId);
		request.put("regionId", regionId);
		request.put("geometry", geometry);
		Response response = this.admin.post(API + "/boundaries/validate", request);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private long located(double lon, double lat) {
		Response response = this.admin.get(API + "/locate?lon=" + lon + "&lat=" + lat);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("id").asLong();
	}

	private long create(long parentId, String level, String code, String name, Map<String, Object> boundary) {
		Response response = this.admin.post(API,
				body("parentId", parentId, "level", level, "code", code, "name", name, "boundary", boundary));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private static Map<String, Object> body(Object... pairs) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			body.put((String) pairs[i], pairs[i + 1]);
		}
		return body;
	}

	private static Map<String, Object> box(double south, double north) {
		return rect(WEST - 0.0005, south, EAST + 0.0005, north);
	}

	private static Map<String, Object> rect(double west, double south, double east, double north) {
		return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(west, south), List.of(east, south),
				List.of(east, north), List.of(west, north), List.of(west, south))));
	}

	private long regionCount() {
		return this.jdbc.queryForObject("select count(*) from region", Long.class);
	}

	private long auditRows(String action, long objectId) {
		return this.jdbc.queryForObject("select count(*) from audit_log where action = ? and object_id = ?", Long.class,
				action, Long.toString(objectId));
	}

}
