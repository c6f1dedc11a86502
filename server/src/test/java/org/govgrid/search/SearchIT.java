package org.govgrid.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.govgrid.basedata.BaseDataChanged;
import org.govgrid.basedata.BaseDataKind;
import org.govgrid.basedata.CreditCodes;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 全文检索: a person registered through the API is found at once by a fragment of their name
 * or address, with highlights, by the centre and their own grid's worker and by nobody
 * outside their area; ID numbers and phones are looked up exactly and never echoed;
 * events are found by the words of their description; each type needs its read
 * permission.
 */
class SearchIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static final String GRID_2 = "320505006001002";

	/** Rare surnames, so a test's people do not crowd each other's hits. */
	private static final String SURNAMES = "樊琚邴糜隗蒯宓佘禤逄亓鄢";

	@Autowired
	ApplicationEventPublisher events;

	private record Registered(long id, String name, String address, String idNumber, String phone) {
	}

	private Registered register(ApiClient worker, String grid) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String road = "枫桥" + "东西南北".charAt(random.nextInt(4)) + "路";
		return register(worker, grid, "狮山街道" + road + random.nextInt(100, 999) + "号" + random.nextInt(1, 30) + "幢"
				+ random.nextInt(101, 2000) + "室");
	}

	private Registered register(ApiClient worker, String grid, String address) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + "晓明";
		String idNumber = TestIds.idNumber(LocalDate.of(1985, 7, 9), "1");
		String phone = TestIds.phone();
		Map<String, Object> body = new HashMap<>();
		body.put("idNumber", idNumber);
		body.put("name", name);
		body.put("phone", phone);
		body.put("householdType", "REGISTERED");
		body.put("gridId", this.accounts.region(grid).id());
		body.put("currentAddress", address);
		Response created = worker.post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Registered(created.json().path("id").asLong(), name, address, idNumber, phone);
	}

	private static JsonNode group(Response response, String type) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode group : response.json().path("groups")) {
			if (group.path("type").asString().equals(type)) {
				return group;
			}
		}
		return null;
	}

	private static JsonNode hit(Response response, String type, long id) {
		JsonNode group = group(response, type);
		if (group != null) {
			for (JsonNode hit : group.path("hits")) {
				if (hit.path("id").asLong() == id) {
					return hit;
				}
			}
		}
		return null;
	}

	private static String query(String q, String types) {
		return "/api/v1/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&types="
				+ types + "&size=50";
	}

	@Test
	void aPersonRegisteredThroughTheApiIsFoundAtOnceByFragmentsWithinTheirAreaOnly() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient center = this.accounts.demo(this.port, "center");
		Registered person = register(worker1, GRID_1);
		Registered neighbour = register(worker2, GRID_2);
		String given = person.name().substring(1);
		String surnameAndFirst = person.name().substring(0, 2);
		String roadAndNumber = person.address().substring(4, person.address().indexOf('号') + 1);

		for (ApiClient reader : List.of(center, worker1)) {
			JsonNode byGiven = hit(reader.get(query(given, "people")), "people", person.id());
			assertThat(byGiven).as("晓明 finds " + person.name()).isNotNull();
			assertThat(byGiven.path("title").asString()).isEqualTo(person.name());
			assertThat(byGiven.path("highlights").path("name").asString())
				.isEqualTo(person.name().charAt(0) + "<em>" + given + "</em>");
			assertThat(byGiven.path("gridName").asString()).isNotBlank();
			assertThat(byGiven.path("subtitle").asString()).contains(person.address())
				.contains(person.idNumber().substring(0, 3) + "***********" + person.idNumber().substring(14));
			assertThat(hit(reader.get(query(surnameAndFirst, "people")), "people", person.id()))
				.as(surnameAndFirst + " finds " + person.name())
				.isNotNull();
			JsonNode byAddress = hit(reader.get(query(roadAndNumber, "people")), "people", person.id());
			assertThat(byAddress).as(roadAndNumber + " finds " + person.address()).isNotNull();
			assertThat(byAddress.path("highlights").path("address").asString())
				.contains("<em>" + roadAndNumber + "</em>");
		}
		Response both = center.get(query(given, "people"));
		assertThat(hit(both, "people", neighbour.id())).as("the centre sees the whole town").isNotNull();
		assertThat(both.body()).doesNotContain(person.idNumber()).doesNotContain(person.phone());

		assertThat(hit(worker2.get(query(given, "people")), "people", person.id())).as("another grid's worker")
			.isNull();
		assertThat(hit(worker2.get(query(roadAndNumber, "people")), "people", person.id())).isNull();
		assertThat(hit(worker1.get(query(given, "people")), "people", neighbour.id())).isNull();
		assertThat(hit(this.accounts.demo(this.port, "worker3").get(query(given, "people")), "people", person.id()))
			.as("another town's worker")
			.isNull();
	}

	@Test
	void aChangeIsSearchableAsSoonAsTheResponseIsBack() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Registered person = register(worker1, GRID_1);
		JsonNode current = worker1.get("/api/v1/people/" + person.id()).json();
		Map<String, Object> update = new HashMap<>();
		current.properties().forEach(field -> update.put(field.getKey(), field.getValue()));
		update.remove("idNumber");
		update.remove("phone");
		update.remove("tags");
		update.put("currentAddress", "狮山街道竹园路" + person.id() + "号");
		assertThat(worker1.put("/api/v1/people/" + person.id(), update).status()).isEqualTo(200);

		assertThat(hit(worker1.get(query("竹园路" + person.id() + "号", "people")), "people", person.id())).isNotNull();
		String oldFragment = person.address().substring(4, person.address().indexOf('号') + 1);
		assertThat(hit(worker1.get(query(oldFragment, "people")), "people", person.id())).as("the old address")
			.isNull();
	}

	@Test
	void theWordsOfAnAddressCountInTheirOrder() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String estate = "栖" + "霞枫棠梧桐樟榕".charAt(random.nextInt(7)) + "棠梧桐樟榕霞枫".charAt(random.nextInt(7)) + "苑";
		Registered third = register(worker1, GRID_1, "狮山街道玉山路9号" + estate + "3幢1单元101室");
		Registered seventeenth = register(worker1, GRID_1, "狮山街道玉山路9号" + estate + "17幢3单元101室");

		Response found = worker1.get(query(estate + "3幢", "people"));
		assertThat(hit(found, "people", third.id())).isNotNull();
		assertThat(hit(found, "people", seventeenth.id())).as("3单元 of building 17 is not building 3").isNull();
		assertThat(hit(worker1.get(query(estate + " 3单元", "people")), "people", seventeenth.id()))
			.as("two parts, each somewhere")
			.isNotNull();
	}

	@Test
	void anIdNumberOrAPhoneIsLookedUpExactlyAndNeverEchoed() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient center = this.accounts.demo(this.port, "center");
		Registered person = register(worker1, GRID_1);

		for (String identifier : List.of(person.idNumber().toLowerCase(), person.phone())) {
			Response found = center.post("/api/v1/search", Map.of("q", identifier, "types", List.of("people")));
			assertThat(found.status()).as(found.body()).isEqualTo(200);
			assertThat(found.body()).doesNotContain(person.idNumber()).doesNotContain(person.phone());
			assertThat(found.json().path("groups")).hasSize(1);
			JsonNode people = group(found, "people");
			assertThat(people.path("total").asLong()).isEqualTo(1);
			assertThat(people.path("hits")).hasSize(1);
			assertThat(people.path("hits").get(0).path("id").asLong()).isEqualTo(person.id());
			assertThat(people.path("hits").get(0).path("title").asString()).isEqualTo(person.name());
			assertThat(found.json().path("q").asString()).contains("****");
			assertThat(
					worker2.post("/api/v1/search", Map.of("q", identifier)).json().path("groups").get(0).path("hits"))
				.as("outside worker2's grid")
				.isEmpty();
		}
		JsonNode highlights = group(center.post("/api/v1/search", Map.of("q", person.phone())), "people").path("hits")
			.get(0)
			.path("highlights");
		assertThat(highlights.path("phone").asString())
			.isEqualTo("<em>" + person.phone().substring(0, 3) + "****" + person.phone().substring(7) + "</em>");
	}

	@Test
	void eventsAreFoundByTheWordsOfTheirDescriptionWithinTheArea() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient center = this.accounts.demo(this.port, "center");
		String marker = "检索" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
		Response reported = worker1.post("/api/v1/events",
				eventReport("CSGL-01", GRID_1, "GRID_WORKER", "小区门口的路灯杆严重倾斜，随时可能倒下，编号" + marker, "狮山街道玉山路1号"));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		long id = reported.json().path("id").asLong();

		JsonNode byWord = hit(center.get(query("路灯杆 " + marker, "events")), "events", id);
		assertThat(byWord).isNotNull();
		assertThat(byWord.path("highlights").path("description").asString()).contains("<em>路灯杆</em>");
		assertThat(byWord.path("subtitle").asString()).contains(reported.json().path("code").asString());
		assertThat(hit(center.get(query("倾斜 " + marker, "events")), "events", id)).as("a word of it").isNotNull();
		assertThat(hit(worker1.get(query(marker, "events")), "events", id)).isNotNull();
		assertThat(hit(worker2.get(query(marker, "events")), "events", id)).as("another grid").isNull();
		assertThat(group(this.accounts.demo(this.port, "worker3").get(query(marker, "events")), "events").path("total")
			.asLong()).isZero();
	}

	@Test
	void housesPlacesOrganisationsAndThingsRegisteredThroughTheirApisAreFound() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient center = this.accounts.demo(this.port, "center");
		long grid = this.accounts.region(GRID_1).id();
		double[] point = center(GRID_1);
		int n = ThreadLocalRandom.current().nextInt(100_000, 999_999);
		StringBuilder nine = new StringBuilder();
		for (int i = 0; i < 9; i++) {
			nine.append(ThreadLocalRandom.current().nextInt(10));
		}
		String creditCode = "91320505" + nine + CreditCodes.checkCharacter("91320505" + nine);

		long house = created(
				worker1.post("/api/v1/houses", Map.of("address", "狮山街道塔园路" + n + "号", "building", "5幢", "unit", "2单元",
						"room", "301室", "use", "RESIDENTIAL", "ownerName", "钱多多", "rented", true, "gridId", grid)));
		long place = created(worker1.post("/api/v1/places",
				Map.of("name", "好又多便利店" + n, "type", "SHOP", "address", "狮山街道塔园路2号", "gridId", grid)));
		long organization = created(worker1.post("/api/v1/organizations",
				Map.of("name", "苏州星辰精密机械有限公司" + n, "kind", "NON_PUBLIC_ECONOMIC", "creditCode", creditCode,
						"legalRepresentative", "孙立", "address", "狮山街道塔园路3号", "gridId", grid)));
		long thing = created(
				worker1.post("/api/v1/things", Map.of("code", "XFS-" + n, "type", "HYDRANT", "name", "室外消火栓", "address",
						"狮山街道塔园路4号", "lon", point[0], "lat", point[1], "gridId", grid, "status", "NORMAL")));

		JsonNode byAddress = hit(center.get(query("塔园路" + n, "houses")), "houses", house);
		assertThat(byAddress).isNotNull();
		assertThat(byAddress.path("subtitle").asString()).contains("5幢 2单元 301室").contains("住宅").contains("出租房");
		assertThat(hit(center.get(query("又多便利店" + n, "places")), "places", place)).isNotNull();
		JsonNode company = hit(center.get(query("星辰精密" + " " + n, "organizations")), "organizations", organization);
		assertThat(company).isNotNull();
		assertThat(company.path("highlights").path("name").asString()).contains("<em>星辰精密</em>");
		assertThat(company.path("subtitle").asString()).contains(creditCode).contains("非公有制经济组织");
		assertThat(hit(center.get(query(creditCode, "organizations")), "organizations", organization))
			.as("by credit code")
			.isNotNull();
		assertThat(hit(center.get(query("XFS-" + n, "things")), "things", thing)).isNotNull();
		assertThat(hit(center.get(query("xfs-" + n, "")), "things", thing)).as("all types, any case").isNotNull();
		assertThat(hit(worker2.get(query("塔园路" + n, "houses")), "houses", house)).as("another grid").isNull();

		// a row gone from its table is purged when its module says so
		this.jdbc.update("delete from bd_thing where id = ?", thing);
		this.events.publishEvent(new BaseDataChanged(BaseDataKind.THING, thing, true));
		assertThat(hit(center.get(query("XFS-" + n, "things")), "things", thing)).as("removed").isNull();
	}

	private static long created(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	@Test
	void typesTheCallerMayNotReadAreLeftOut() {
		ApiClient department = this.accounts.demo(this.port, "dept_cg");
		Response response = department
			.get("/api/v1/search?q=" + java.net.URLEncoder.encode("晓明", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> types = new ArrayList<>();
		response.json().path("groups").forEach(group -> types.add(group.path("type").asString()));
		assertThat(types).containsExactly("houses", "organizations", "places", "things", "events");
		assertThat(department.post("/api/v1/search", Map.of("q", TestIds.idNumber())).json().path("groups"))
			.as("no people: no lookup")
			.isEmpty();
	}

	@Test
	void badInputNamesEveryField() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.get("/api/v1/search?q=%20").errorFields()).containsExactly("q");
		assertThat(worker1.get("/api/v1/search").errorFields()).containsExactly("q");
		assertThat(worker1.post("/api/v1/search", Map.of("q", "晓".repeat(101))).errorFields()).containsExactly("q");
		assertThat(worker1.get("/api/v1/search?q=a&types=people,cars").errorFields()).containsExactly("types");
		Response all = worker1.post("/api/v1/search", Map.of("q", "", "types", List.of("people", "cars"), "size", 0));
		assertThat(all.status()).isEqualTo(400);
		assertThat(all.errorFields()).containsExactlyInAnyOrder("q", "types", "size");
		Response punctuation = worker1.get("/api/v1/search?q=%EF%BC%8C%20-");
		assertThat(punctuation.status()).as(punctuation.body()).isEqualTo(200);
	}

}
