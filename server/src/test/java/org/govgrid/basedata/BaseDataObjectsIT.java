package org.govgrid.basedata;

import java.util.HashMap;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Places (场所) and things (部件): placed by their house or location, read within the scope,
 * every bad field named, changes guarded by the version.
 */
class BaseDataObjectsIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	Map<String, Object> place(Long houseId) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "便民超市" + System.nanoTime());
		body.put("type", "SHOP");
		body.put("address", "狮山街道金山路12号");
		body.put("houseId", houseId);
		body.put("contactName", "刘芳");
		body.put("hazardLevel", "LOW");
		return body;
	}

	Map<String, Object> thing(String code) {
		double[] point = center(GRID_1);
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("type", "HYDRANT");
		body.put("name", "室外消火栓");
		body.put("address", "金山路与长江路交叉口");
		body.put("ownerUnit", "高新区消防救援大队");
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		return body;
	}

	@Test
	void aPlaceInAHouseLiesInTheHousesGridAndIsSeenWithinTheScope() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient center = this.accounts.demo(this.port, "center");
		Response house = worker1.post("/api/v1/houses", Map.of("address", HousesIT.address(), "use", "COMMERCIAL",
				"gridId", this.accounts.region(GRID_1).id()));
		assertThat(house.status()).as(house.body()).isEqualTo(201);
		long houseId = house.json().path("id").asLong();

		Response created = worker1.post("/api/v1/places", place(houseId));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("gridId").asLong()).isEqualTo(this.accounts.region(GRID_1).id());
		assertThat(created.json().path("houseAddress").asString()).isEqualTo(house.json().path("address").asString());
		assertThat(created.json().path("typeName").asString()).isEqualTo("商铺");

		assertThat(worker2.get("/api/v1/places/" + id).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/places/" + id).status()).isEqualTo(404);
		assertThat(worker2.post("/api/v1/places", place(houseId)).errorFields()).as("worker1's house")
			.containsExactly("houseId");
		assertThat(chief1.get("/api/v1/places/" + id).status()).isEqualTo(200);
		String name = created.json().path("name").asString();
		assertThat(center.get("/api/v1/places?type=SHOP&q=" + name).json().path("total").asInt()).isEqualTo(1);
		assertThat(worker2.get("/api/v1/places?q=" + name).json().path("total").asInt()).isZero();

		Map<String, Object> update = place(houseId);
		update.put("hazardLevel", "HIGH");
		update.put("version", created.json().path("version").asInt());
		Response updated = worker1.put("/api/v1/places/" + id, update);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().path("hazardLevel").asString()).isEqualTo("HIGH");
		assertThat(worker1.put("/api/v1/places/" + id, update).status()).as("stale version").isEqualTo(409);
	}

	@Test
	void everyBadPlaceFieldIsNamedAndNothingIsWritten() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Integer before = this.jdbc.queryForObject("select count(*) from bd_place", Integer.class);
		Map<String, Object> bad = place(null);
		bad.put("name", "");
		bad.put("type", "CASINO");
		bad.put("address", "址".repeat(201));
		bad.put("hazardLevel", "EXTREME");
		bad.put("status", "SHUT");
		Response response = worker1.post("/api/v1/places", bad);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).as("no grid, house or location either")
			.containsExactlyInAnyOrder("name", "type", "address", "hazardLevel", "status", "gridId");
		assertThat(this.jdbc.queryForObject("select count(*) from bd_place", Integer.class)).isEqualTo(before);
	}

	@Test
	void aThingIsPlacedByItsLocationAndItsCodeIsUnique() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = "XFS-" + System.nanoTime();
		Response created = worker1.post("/api/v1/things", thing(code));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("gridId").asLong()).isEqualTo(this.accounts.region(GRID_1).id());
		assertThat(created.json().path("status").asString()).isEqualTo("NORMAL");
		assertThat(created.json().path("typeName").asString()).isEqualTo("消防栓");
		assertThat(worker1.post("/api/v1/things", thing(code)).status()).isEqualTo(409);

		assertThat(worker2.get("/api/v1/things/" + id).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/things/" + id).status()).isEqualTo(404);
		assertThat(worker2.post("/api/v1/things", thing("XFS-" + System.nanoTime())).errorFields())
			.as("a location in worker1's grid")
			.containsExactly("lon");
		assertThat(center.get("/api/v1/things/" + id).status()).isEqualTo(200);

		Map<String, Object> update = thing(code);
		update.put("status", "DAMAGED");
		update.put("version", created.json().path("version").asInt());
		Response updated = worker1.put("/api/v1/things/" + id, update);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().path("statusName").asString()).isEqualTo("损坏");
		assertThat(worker1.put("/api/v1/things/" + id, update).status()).as("stale version").isEqualTo(409);
		assertThat(center.get("/api/v1/things?status=DAMAGED&type=HYDRANT&q=" + code)
			.json()
			.path("items")
			.findValuesAsString("id")).containsExactly(String.valueOf(id));
		assertThat(center.get("/api/v1/things?status=BROKEN&type=TREE").errorFields())
			.containsExactlyInAnyOrder("status", "type");
	}

	@Test
	void everyBadThingFieldIsNamedAndNothingIsWritten() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Integer before = this.jdbc.queryForObject("select count(*) from bd_thing", Integer.class);
		Map<String, Object> bad = thing("");
		bad.put("type", "TREE");
		bad.put("name", null);
		bad.put("status", "BROKEN");
		bad.remove("lon");
		bad.remove("lat");
		bad.put("gridId", this.accounts.region(GRID_1).id());
		Response response = worker1.post("/api/v1/things", bad);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("code", "type", "name", "status", "lon", "lat");
		assertThat(this.jdbc.queryForObject("select count(*) from bd_thing", Integer.class)).isEqualTo(before);
	}

}
