package org.govgrid.panorama;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layer registry: the layer list per role, and the 矛盾纠纷 and 民情日志 layers — the demo's
 * records of the caller's area only, placed at their point, their party's house or their
 * grid's centre, cut by the box, closed disputes and old notes left out, nobody
 * identified.
 */
class PanoramaLayersIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static final String GRID_2 = "320505006001002";

	@Autowired
	TestClock clock;

	@Test
	void theLayerListNamesWhatEachRoleMaySee() {
		List<String> all = List.of("people", "houses", "organizations", "places", "things", "events", "disputes",
				"daily-notes", "cameras", "party-organizations", "party-activities", "crowd-flow");
		assertThat(types(this.accounts.demo(this.port, "worker1"))).containsExactlyElementsOf(all);
		assertThat(types(this.accounts.demo(this.port, "leader"))).containsExactlyElementsOf(all);
		assertThat(types(this.accounts.demo(this.port, "center"))).containsExactlyElementsOf(all);
		assertThat(types(this.accounts.demo(this.port, "dept_cg"))).as("objects only")
			.containsExactly("houses", "organizations", "places", "things", "cameras", "crowd-flow");
		assertThat(types(this.accounts.demo(this.port, "admin")))
			.as("the camera registry's and the party sync's keeper, who also feeds crowd flow")
			.containsExactly("cameras", "party-organizations", "party-activities", "crowd-flow");
		assertThat(new ApiClient(this.port).get("/api/v1/map/layers").status()).isEqualTo(401);

		JsonNode disputes = layerInfo(this.accounts.demo(this.port, "worker1"), "disputes");
		assertThat(disputes.path("label").path("zh").asString()).isEqualTo("矛盾纠纷");
		assertThat(disputes.path("label").path("en").asString()).isEqualTo("Disputes");
		assertThat(disputes.path("icon").asString()).isEqualTo("dispute");
		assertThat(disputes.path("colour").asString()).matches("#[0-9a-f]{6}");
		assertThat(
				layerInfo(this.accounts.demo(this.port, "worker1"), "daily-notes").path("label").path("zh").asString())
			.isEqualTo("民情日志");
	}

	@Test
	void disputesOfTheCallersAreaAreOnTheMapWithoutTheirParties() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		long grid1 = this.accounts.region(GRID_1).id();
		long grid2 = this.accounts.region(GRID_2).id();

		// the demo's: worker1 sees grid 1's open and recently resolved ones, worker2 grid
		// 2's
		JsonNode mine = worker1.get("/api/v1/map/layers/disputes.geojson").json();
		assertThat(ids(mine)).containsAll(shownDisputes(grid1)).doesNotContainAnyElementsOf(shownDisputes(grid2));
		assertThat(names(mine)).contains("楼道堆放杂物引发邻里纠纷").doesNotContain("装修工人工资拖欠纠纷");
		assertThat(names(worker2.get("/api/v1/map/layers/disputes.geojson").json())).contains("装修工人工资拖欠纠纷")
			.doesNotContain("楼道堆放杂物引发邻里纠纷");
		assertThat(ids(this.accounts.demo(this.port, "worker3").get("/api/v1/map/layers/disputes.geojson").json()))
			.as("another town's worker")
			.doesNotContainAnyElementsOf(shownDisputes(grid1));
		assertThat(ids(this.accounts.demo(this.port, "chief1").get("/api/v1/map/layers/disputes.geojson").json()))
			.as("the community's chief sees both grids")
			.containsAll(shownDisputes(grid1))
			.containsAll(shownDisputes(grid2));
		JsonNode resolved = featureNamed(mine, "厨房排烟管道维修费用纠纷");
		if (resolved != null) {
			assertThat(resolved.path("properties").path("status").asString()).isEqualTo("RESOLVED");
		}

		// placed at its point, else at a party's house, else at the grid's centre
		String nonce = Long.toString(System.nanoTime());
		double[] centre = center(GRID_1);
		double[] spot = { centre[0] + 0.0011, centre[1] - 0.0007 };
		long house = created(worker1, "/api/v1/houses", Map.of("address", "纠纷图层测试路" + nonce + "号", "use", "RESIDENTIAL",
				"gridId", grid1, "lon", spot[0], "lat", spot[1]));
		String idNumber = TestIds.idNumber();
		String phone = TestIds.phone();
		Map<String, Object> person = new HashMap<>(
				Map.of("idNumber", idNumber, "name", "图层当事人甲", "householdType", "REGISTERED", "gridId", grid1,
						"houseId", house, "currentAddress", "纠纷图层测试地址", "phone", phone, "tags", List.of()));
		long personId = created(worker1, "/api/v1/people", person);
		long atHouse = dispute(worker1, "图层测试纠纷（房屋）" + nonce, grid1, null,
				List.of(Map.of("name", "无登记当事人", "role", "APPLICANT"),
						Map.of("name", person.get("name"), "role", "RESPONDENT", "personId", personId)));
		long atGrid = dispute(worker1, "图层测试纠纷（网格）" + nonce, grid1, null,
				List.of(Map.of("name", "甲某", "role", "APPLICANT")));
		long atPoint = dispute(worker1, "图层测试纠纷（点位）" + nonce, grid1, spot,
				List.of(Map.of("name", "乙某", "role", "APPLICANT")));

		Response layer = worker1.get("/api/v1/map/layers/disputes.geojson");
		assertThat(layer.status()).as(layer.body()).isEqualTo(200);
		assertThat(layer.contentType()).startsWith("application/geo+json");
		assertPlaced(featureWith(layer.json(), atHouse), spot, "HOUSE");
		assertPlaced(featureWith(layer.json(), atGrid), centre, "GRID");
		assertPlaced(featureWith(layer.json(), atPoint), spot, "POINT");
		JsonNode properties = featureWith(layer.json(), atHouse).path("properties");
		assertThat(properties.path("kind").asString()).isEqualTo("dispute");
		assertThat(properties.path("status").asString()).isEqualTo("OPEN");
		assertThat(properties.path("kindType").asString()).isEqualTo("NEIGHBOUR");
		assertThat(properties.path("gridName").asString()).isEqualTo("狮山社区第1网格");
		assertThat(properties.path("occurredOn").asString()).isEqualTo(LocalDate.now(this.clock).toString());
		assertThat(properties.path("parties").asInt()).isEqualTo(2);
		assertThat(layer.body()).doesNotContain(idNumber)
			.doesNotContain(phone)
			.doesNotContain((String) person.get("name"))
			.doesNotContain("无登记当事人");
		assertThat(featureWith(worker2.get("/api/v1/map/layers/disputes.geojson").json(), atGrid)).isNull();

		// closed: on the map for 30 days after the last step
		settle(worker1, atPoint);
		assertThat(featureWith(worker1.get("/api/v1/map/layers/disputes.geojson").json(), atPoint).path("properties")
			.path("status")
			.asString()).isEqualTo("RESOLVED");
		this.jdbc.update("update bd_dispute set updated_at = ? where id = ?",
				Timestamp.from(this.clock.instant().minus(Duration.ofDays(31))), atPoint);
		assertThat(featureWith(worker1.get("/api/v1/map/layers/disputes.geojson").json(), atPoint)).isNull();
		this.jdbc.update("update bd_dispute set status = 'FAILED', updated_at = ? where id = ?",
				Timestamp.from(this.clock.instant().minus(Duration.ofDays(90))), atGrid);
		assertThat(featureWith(worker1.get("/api/v1/map/layers/disputes.geojson").json(), atGrid))
			.as("a failed mediation is not the end: still on the map")
			.isNotNull();

		// the box cuts; a bad box is a 400; another town is a 404
		assertThat(ids(worker1.get("/api/v1/map/layers/disputes.geojson?bbox=" + box(spot, 0.0002)).json()))
			.contains(atHouse)
			.doesNotContain(atGrid);
		assertThat(ids(worker1.get("/api/v1/map/layers/disputes.geojson?bbox=" + box(centre, 0.0002)).json()))
			.contains(atGrid)
			.doesNotContain(atHouse);
		assertThat(worker1.get("/api/v1/map/layers/disputes.geojson?bbox=" + box(new double[] { 10, 10 }, 0.1))
			.json()
			.path("features")
			.size()).isZero();
		assertThat(worker1.get("/api/v1/map/layers/disputes.geojson?bbox=1,2,3").errorFields()).containsExactly("bbox");
		assertThat(worker1.get("/api/v1/map/layers/disputes.geojson?bbox=NaN,0,1,1").errorFields())
			.containsExactly("bbox");
		assertThat(worker1.get("/api/v1/map/layers/disputes.geojson?regionId=" + this.accounts.region("320505007").id())
			.status()).isEqualTo(404);
		assertThat(this.accounts.demo(this.port, "dept_cg").get("/api/v1/map/layers/disputes.geojson").status())
			.as("department staff do not read disputes")
			.isEqualTo(403);
	}

	@Test
	void dailyNotesOfTheLastThirtyDaysStandAtTheirGridsCentreShortened() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		long grid1 = this.accounts.region(GRID_1).id();
		long grid2 = this.accounts.region(GRID_2).id();
		LocalDate today = LocalDate.now(this.clock);

		JsonNode mine = worker1.get("/api/v1/map/layers/daily-notes.geojson").json();
		assertThat(ids(mine)).containsAll(recentNotes(grid1, today))
			.doesNotContainAnyElementsOf(recentNotes(grid2, today));
		assertThat(recentNotes(grid1, today)).as("the demo's notes of grid 1").hasSizeGreaterThanOrEqualTo(3);
		assertThat(ids(worker2.get("/api/v1/map/layers/daily-notes.geojson").json()))
			.containsAll(recentNotes(grid2, today))
			.doesNotContainAnyElementsOf(recentNotes(grid1, today));

		String phone = TestIds.phone();
		String idNumber = TestIds.idNumber();
		String content = "走访" + "居民反映楼道灯损坏，已报物业维修。".repeat(6) + "联系电话" + phone + "，身份证" + idNumber;
		long recent = note(worker1, today.minusDays(29), "VISIT", "联系电话" + phone + "，身份证" + idNumber + "。" + content);
		long old = note(worker1, today.minusDays(30), "SAFETY", "三十天前的民情日志");

		Response layer = worker1.get("/api/v1/map/layers/daily-notes.geojson");
		assertThat(layer.status()).as(layer.body()).isEqualTo(200);
		assertThat(ids(layer.json())).contains(recent).doesNotContain(old);
		JsonNode feature = featureWith(layer.json(), recent);
		assertPlaced(feature, center(GRID_1), "GRID");
		JsonNode properties = feature.path("properties");
		assertThat(properties.path("kind").asString()).isEqualTo("daily-note");
		assertThat(properties.path("kindType").asString()).isEqualTo("VISIT");
		assertThat(properties.path("name").asString()).isEqualTo("走访入户");
		assertThat(properties.path("notedOn").asString()).isEqualTo(today.minusDays(29).toString());
		assertThat(properties.path("author").asString()).isEqualTo("网格员一");
		assertThat(properties.path("gridName").asString()).isEqualTo("狮山社区第1网格");
		String text = properties.path("text").asString();
		assertThat(text).endsWith("…").hasSize(61).startsWith("联系电话" + phone.substring(0, 3) + "****");
		assertThat(layer.body()).doesNotContain(phone).doesNotContain(idNumber).doesNotContain(content);

		assertThat(ids(worker1.get("/api/v1/map/layers/daily-notes.geojson?bbox=" + box(center(GRID_1), 0.001)).json()))
			.contains(recent);
		assertThat(worker1.get("/api/v1/map/layers/daily-notes.geojson?bbox=" + box(center(GRID_2), 0.0001))
			.json()
			.path("features")
			.size()).as("grid 2's centre: none of worker1's").isZero();
		assertThat(worker1.get("/api/v1/map/layers/daily-notes.geojson?bbox=200,0,201,1").errorFields())
			.containsExactly("bbox");
		assertThat(worker2.get("/api/v1/map/layers/daily-notes.geojson?regionId=" + grid1).status()).isEqualTo(404);
	}

	private List<String> types(ApiClient client) {
		Response list = client.get("/api/v1/map/layers");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		return list.json().findValuesAsString("type");
	}

	private static JsonNode layerInfo(ApiClient client, String type) {
		for (JsonNode layer : client.get("/api/v1/map/layers").json()) {
			if (layer.path("type").asString().equals(type)) {
				return layer;
			}
		}
		throw new AssertionError("no layer " + type);
	}

	/**
	 * The disputes of a grid the layer should show: not closed, or closed within 30 days.
	 */
	private List<Long> shownDisputes(long grid) {
		return this.jdbc.queryForList("""
				select id from bd_dispute where grid_id = ?
				    and (status not in ('RESOLVED', 'ESCALATED') or updated_at >= ?)""", Long.class, grid,
				Timestamp.from(this.clock.instant().minus(Duration.ofDays(30))));
	}

	private List<Long> recentNotes(long grid, LocalDate today) {
		return this.jdbc.queryForList("select id from bd_daily_note where grid_id = ? and noted_on >= ?", Long.class,
				grid, today.minusDays(29));
	}

	private long dispute(ApiClient client, String title, long grid, double[] point, List<Map<String, Object>> parties) {
		Map<String, Object> body = new HashMap<>(Map.of("title", title, "type", "NEIGHBOUR", "scale", "SMALL",
				"parties", parties, "occurredOn", LocalDate.now(this.clock).toString(), "gridId", grid));
		if (point != null) {
			body.put("lon", point[0]);
			body.put("lat", point[1]);
		}
		return created(client, "/api/v1/disputes", body);
	}

	private static void settle(ApiClient client, long dispute) {
		for (String action : List.of("MEDIATE", "RESOLVE")) {
			Response step = client.post("/api/v1/disputes/" + dispute + "/steps",
					Map.of("action", action, "note", "图层测试调解"));
			assertThat(step.status()).as(step.body()).isEqualTo(200);
		}
	}

	private static long note(ApiClient client, LocalDate notedOn, String topic, String content) {
		return created(client, "/api/v1/daily-notes",
				Map.of("notedOn", notedOn.toString(), "topic", topic, "content", content));
	}

	private static long created(ApiClient client, String path, Map<String, Object> body) {
		Response created = client.post(path, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static void assertPlaced(JsonNode feature, double[] point, String placed) {
		assertThat(feature).isNotNull();
		assertThat(feature.path("geometry").path("coordinates").get(0).asDouble()).isEqualTo(point[0]);
		assertThat(feature.path("geometry").path("coordinates").get(1).asDouble()).isEqualTo(point[1]);
		assertThat(feature.path("properties").path("placed").asString()).isEqualTo(placed);
	}

	private static String box(double[] point, double margin) {
		return "%f,%f,%f,%f".formatted(point[0] - margin, point[1] - margin, point[0] + margin, point[1] + margin);
	}

	private static Set<Long> ids(JsonNode collection) {
		Set<Long> ids = new TreeSet<>();
		for (JsonNode feature : collection.path("features")) {
			ids.add(feature.path("properties").path("id").asLong());
		}
		return ids;
	}

	private static List<String> names(JsonNode collection) {
		List<String> names = new ArrayList<>();
		for (JsonNode feature : collection.path("features")) {
			names.add(feature.path("properties").path("name").asString());
		}
		return names;
	}

	private static JsonNode featureNamed(JsonNode collection, String name) {
		for (JsonNode feature : collection.path("features")) {
			if (feature.path("properties").path("name").asString().equals(name)) {
				return feature;
			}
		}
		return null;
	}

	private static JsonNode featureWith(JsonNode collection, long id) {
		for (JsonNode feature : collection.path("features")) {
			if (feature.path("properties").path("id").asLong() == id) {
				return feature;
			}
		}
		return null;
	}

}
