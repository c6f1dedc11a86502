package org.govgrid.panorama;

import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 全景网格: people gathered by house, events and objects as GeoJSON layers inside the
 * caller's area and the map box; a grid's profile with its tallies and key people,
 * masked.
 */
class PanoramaIT extends ApiIntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.govgrid.support.TestClock clock;

	private static final String GRID_1 = "320505006001001";

	@Test
	void layersShowWhatTheCallerMaySeeInsideTheBox() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient center = this.accounts.demo(this.port, "center");
		long grid = this.accounts.region(GRID_1).id();
		double[] point = center(GRID_1);
		long house = house(grid, point, "全景测试路" + System.nanoTime() + "号");
		person(worker1, grid, house, List.of());
		person(worker1, grid, house, List.of(Map.of("tag", "ELDERLY_ALONE", "details", Map.of())));
		Response event = worker1.post("/api/v1/events",
				eventReport("QT-01", GRID_1, "GRID_WORKER", "全景地图测试事件", "全景测试地址"));
		assertThat(event.status()).as(event.body()).isEqualTo(201);
		long eventId = event.json().path("id").asLong();

		Response people = worker1.get("/api/v1/map/layers/people.geojson");
		assertThat(people.status()).as(people.body()).isEqualTo(200);
		assertThat(people.contentType()).startsWith("application/geo+json");
		JsonNode feature = featureWith(people.json(), "houseId", house);
		assertThat(feature).as("the house is on worker1's people layer").isNotNull();
		assertThat(feature.path("properties").path("count").asInt()).isEqualTo(2);
		assertThat(feature.path("properties").path("keyCount").asInt()).isEqualTo(1);
		assertThat(feature.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(point[0]);
		assertThat(featureWith(worker2.get("/api/v1/map/layers/people.geojson").json(), "houseId", house))
			.as("worker2's grid only")
			.isNull();
		assertThat(featureWith(center.get("/api/v1/map/layers/houses.geojson").json(), "id", house)).isNotNull();
		assertThat(featureWith(center.get("/api/v1/map/layers/events.geojson").json(), "id", eventId)).isNotNull();

		String around = "%f,%f,%f,%f".formatted(point[0] - 0.001, point[1] - 0.001, point[0] + 0.001, point[1] + 0.001);
		String elsewhere = "%f,%f,%f,%f".formatted(point[0] + 1, point[1] + 1, point[0] + 1.1, point[1] + 1.1);
		assertThat(featureWith(center.get("/api/v1/map/layers/events.geojson?bbox=" + around).json(), "id", eventId))
			.isNotNull();
		assertThat(center.get("/api/v1/map/layers/events.geojson?bbox=" + elsewhere).json().path("features").size())
			.isZero();
		long town = this.accounts.region("320505006").id();
		assertThat(
				featureWith(center.get("/api/v1/map/layers/people.geojson?regionId=" + town).json(), "houseId", house))
			.isNotNull();

		assertThat(center.get("/api/v1/map/layers/events.geojson?bbox=1,2,3").errorFields()).containsExactly("bbox");
		assertThat(center.get("/api/v1/map/layers/dragons.geojson").status()).isEqualTo(404);
		assertThat(worker1.get("/api/v1/map/layers/people.geojson?regionId=" + this.accounts.region("320505007").id())
			.status()).isEqualTo(404);
	}

	@Test
	void aGridProfileTalliesItsBaseDataAndMasksKeyPeople() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient center = this.accounts.demo(this.port, "center");
		long grid = this.accounts.region(GRID_1).id();
		long house = house(grid, center(GRID_1), "画像测试路" + System.nanoTime() + "号");
		String idNumber = person(worker1, grid, house, List.of(Map.of("tag", "COMMUNITY_CORRECTION", "details", Map
			.of("correctionStart", "2026-01-01", "correctionEnd", "2027-01-01", "correctionType", "PROBATION"))));

		Response profile = center.get("/api/v1/grids/" + grid + "/profile");
		assertThat(profile.status()).as(profile.body()).isEqualTo(200);
		JsonNode body = profile.json();
		assertThat(body.path("grid").path("code").asString()).isEqualTo(GRID_1);
		assertThat(body.path("grid").path("boundary").path("type").asString()).isEqualTo("Polygon");
		assertThat(body.path("workers").findValuesAsString("name")).contains("网格员一");
		Integer people = this.jdbc.queryForObject(
				"select count(*) from bd_person where grid_id = ? and status = 'ACTIVE'", Integer.class, grid);
		assertThat(body.path("counts").path("people").asInt()).isEqualTo(people);
		assertThat(body.path("counts").path("houses").asInt()).isPositive();
		Integer events30d = this.jdbc.queryForObject("""
				select count(*) from event where grid_id = ? and source <> 'WARNING'
				    and reported_at >= ? and reported_at < ?""", Integer.class, grid,
				java.sql.Timestamp.from(this.clock.instant().minus(java.time.Duration.ofDays(30))),
				java.sql.Timestamp.from(this.clock.instant()));
		assertThat(body.path("counts").path("events30d").asInt()).isEqualTo(events30d);
		assertThat(body.path("byTag").findValuesAsString("code")).contains("COMMUNITY_CORRECTION");
		assertThat(body.path("keyPeople").findValuesAsString("idNumber"))
			.contains(idNumber.substring(0, 3) + "***********" + idNumber.substring(14));
		assertThat(profile.body()).doesNotContain(idNumber);
		assertThat(worker1.get("/api/v1/grids/" + grid + "/profile").status()).isEqualTo(200);
		assertThat(worker2.get("/api/v1/grids/" + grid + "/profile").status()).isEqualTo(404);
		assertThat(center.get("/api/v1/grids/" + this.accounts.region("320505006001").id() + "/profile").status())
			.as("a community is not a grid")
			.isEqualTo(404);
	}

	private long house(long grid, double[] point, String address) {
		Response created = this.accounts.demo(this.port, "worker1")
			.post("/api/v1/houses",
					Map.of("address", address, "use", "RESIDENTIAL", "gridId", grid, "lon", point[0], "lat", point[1]));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private String person(ApiClient client, long grid, long house, List<Map<String, Object>> tags) {
		String idNumber = TestIds.idNumber();
		Response created = client.post("/api/v1/people", Map.of("idNumber", idNumber, "name", "全景测试", "householdType",
				"REGISTERED", "gridId", grid, "houseId", house, "currentAddress", "全景测试地址", "tags", tags));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return idNumber;
	}

	private static JsonNode featureWith(JsonNode collection, String property, long value) {
		for (JsonNode feature : collection.path("features")) {
			if (feature.path("properties").path(property).asLong() == value) {
				return feature;
			}
		}
		return null;
	}

}
