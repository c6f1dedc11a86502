package org.govgrid.basedata;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 实有人口: identifiers checked (GB 11643), sealed at rest, masked in every response,
 * revealed only to {@code person:unmask} with an audit row; scope by grid.
 */
class PeopleIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	@Autowired
	JdbcTemplate jdbc;

	Map<String, Object> person(String idNumber, String phone, long gridId) {
		Map<String, Object> body = new HashMap<>();
		body.put("idNumber", idNumber);
		body.put("name", "张晓明");
		body.put("phone", phone);
		body.put("householdType", "FLOATING");
		body.put("gridId", gridId);
		body.put("currentAddress", "狮山街道金山路88号3幢201室");
		return body;
	}

	@Test
	void aPersonIsSealedAtRestMaskedInResponsesAndRevealedOnlyWithAnAuditRow() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		long grid = this.accounts.region(GRID_1).id();
		String idNumber = TestIds.idNumber(LocalDate.of(1988, 3, 14), "1");
		String phone = TestIds.phone();

		Response created = worker1.post("/api/v1/people", person(idNumber, phone, grid));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("idNumber").asString())
			.isEqualTo(idNumber.substring(0, 3) + "***********" + idNumber.substring(14));
		assertThat(created.json().path("phone").asString())
			.isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(created.json().path("sex").asString()).as("derived from the sequence").isEqualTo("1");
		assertThat(created.json().path("birthDate").asString()).isEqualTo("1988-03-14");
		assertThat(created.body()).doesNotContain(idNumber).doesNotContain(phone);

		List<Map<String, Object>> raw = this.jdbc.queryForList("select * from bd_person where id = ?", id);
		for (Map.Entry<String, Object> column : raw.get(0).entrySet()) {
			String text = column.getValue() instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
					: String.valueOf(column.getValue());
			assertThat(text).as(column.getKey()).doesNotContain(idNumber).doesNotContain(phone);
		}

		assertThat(worker1.get("/api/v1/people/" + id).body()).doesNotContain(idNumber).doesNotContain(phone);
		assertThat(worker1.post("/api/v1/people/" + id + "/unmask", Map.of()).status()).as("a worker cannot unmask")
			.isEqualTo(403);
		Response unmasked = chief1.post("/api/v1/people/" + id + "/unmask", Map.of());
		assertThat(unmasked.status()).isEqualTo(200);
		assertThat(unmasked.json().path("idNumber").asString()).isEqualTo(idNumber);
		assertThat(unmasked.json().path("phone").asString()).isEqualTo(phone);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'PERSON_UNMASK' and object_id = ? and username = 'chief1'",
				Integer.class, String.valueOf(id)))
			.isEqualTo(1);

		Response found = chief1.post("/api/v1/people/lookup", Map.of("identifier", idNumber.toLowerCase()));
		assertThat(found.json().findValuesAsString("name")).containsExactly("张晓明");
		assertThat(chief1.post("/api/v1/people/lookup", Map.of("identifier", phone)).json().size()).isEqualTo(1);

		Response duplicate = worker1.post("/api/v1/people", person(idNumber, TestIds.phone(), grid));
		assertThat(duplicate.status()).isEqualTo(409);
	}

	@Test
	void badIdentifiersAreNamedAndNothingIsWritten() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long grid = this.accounts.region(GRID_1).id();
		String good = TestIds.idNumber(LocalDate.of(1990, 6, 1), "2");
		String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		String first17 = "32050519900230" + "123";
		String impossibleDate = first17 + org.govgrid.platform.IdNumbers.checkCharacter(first17);
		Integer before = this.jdbc.queryForObject("select count(*) from bd_person", Integer.class);

		for (String bad : List.of(wrongCheck, impossibleDate, "32050519900601123")) {
			Response response = worker1.post("/api/v1/people", person(bad, TestIds.phone(), grid));
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.errorFields()).contains("idNumber");
		}
		Map<String, Object> mismatch = person(good, TestIds.phone(), grid);
		mismatch.put("sex", "1");
		assertThat(worker1.post("/api/v1/people", mismatch).errorFields()).containsExactly("idNumber");

		Map<String, Object> many = person(wrongCheck, "12345", grid);
		many.put("householdType", "TOURIST");
		many.put("currentAddress", "");
		many.put("tags", List.of(Map.of("tag", "COMMUNITY_CORRECTION", "details", Map.of("correctionStart",
				"2026-01-01", "correctionEnd", "2025-01-01", "correctionType", "PROBATION"))));
		assertThat(worker1.post("/api/v1/people", many).errorFields()).containsExactlyInAnyOrder("idNumber", "phone",
				"householdType", "currentAddress", "tags[0].details.correctionEnd");
		assertThat(this.jdbc.queryForObject("select count(*) from bd_person", Integer.class)).isEqualTo(before);
	}

	@Test
	void keyGroupTagsCarryTheirOwnFieldsAndAWorkerSeesTheirGridOnly() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		ApiClient center = this.accounts.demo(this.port, "center");
		Map<String, Object> body = person(TestIds.idNumber(), TestIds.phone(), this.accounts.region(GRID_1).id());
		body.put("tags", List.of(Map.of("tag", "MENTAL_DISORDER", "since", "2024-05-01", "details",
				Map.of("riskLevel", 3, "guardianName", "张大山"))));
		Response created = worker1.post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("tags").get(0).path("name").asString()).isEqualTo("严重精神障碍患者");
		assertThat(created.json().path("tags").get(0).path("details").path("riskLevel").asInt()).isEqualTo(3);

		assertThat(worker2.get("/api/v1/people/" + id).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/people/" + id).status()).isEqualTo(404);
		assertThat(worker2.get("/api/v1/people?tag=MENTAL_DISORDER&size=200")
			.json()
			.path("items")
			.findValuesAsString("id")).doesNotContain(String.valueOf(id));
		assertThat(center.get("/api/v1/people?tag=MENTAL_DISORDER&size=200").json().path("items").findValues("id"))
			.anyMatch(n -> n.asLong() == id);

		Map<String, Object> update = new HashMap<>(body);
		update.remove("idNumber");
		update.remove("phone");
		update.put("status", "MOVED_OUT");
		update.put("version", created.json().path("version").asInt());
		Response updated = worker1.put("/api/v1/people/" + id, update);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().path("status").asString()).isEqualTo("MOVED_OUT");
		assertThat(updated.json().path("idNumber").asString()).isEqualTo(created.json().path("idNumber").asString());
		assertThat(worker1.put("/api/v1/people/" + id, update).status()).as("stale version").isEqualTo(409);
	}

	/**
	 * The GB/T 31000 / Jiangsu catalogue items (V27) round-trip; bad ones are all named.
	 */
	@Test
	void theCatalogueItemsRoundTripAndBadOnesAreNamedWithNothingWritten() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long grid = this.accounts.region(GRID_1).id();
		String idNumber = TestIds.idNumber();
		Map<String, Object> body = person(idNumber, null, grid);
		body.put("householdType", "REGISTERED");
		Map<String, Object> details = Map.ofEntries(Map.entry("formerName", "张小明"), Map.entry("nativePlace", "340104"),
				Map.entry("maritalStatus", "20"), Map.entry("religion", "00"), Map.entry("occupationCategory", "4"),
				Map.entry("occupation", "快递员"), Map.entry("registeredPlace", "320505"),
				Map.entry("currentPlace", "320505"), Map.entry("householdConsistency", "01"),
				Map.entry("householdNumber", "305001234"), Map.entry("householdHeadRelation", "10"));
		body.putAll(details);

		Response created = worker1.post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		Response read = worker1.get("/api/v1/people/" + id);
		details.forEach((field, value) -> assertThat(read.json().path(field).asString()).as(field).isEqualTo(value));
		assertThat(
				this.jdbc.queryForMap("select native_place, household_head_relation from bd_person where id = ?", id))
			.containsEntry("native_place", "340104")
			.containsEntry("household_head_relation", "10");

		Map<String, Object> bad = new HashMap<>(body);
		bad.put("version", read.json().path("version").asInt());
		bad.put("formerName", "名".repeat(51));
		bad.put("nativePlace", "3205");
		bad.put("maritalStatus", "99");
		bad.put("religion", "XX");
		bad.put("occupationCategory", "9");
		bad.put("occupation", "职".repeat(31));
		bad.put("registeredPlace", "990000");
		bad.put("currentPlace", "abcdef");
		bad.put("householdConsistency", "03");
		bad.put("householdNumber", "户号-1");
		bad.put("householdHeadRelation", "77");
		Response refused = worker1.put("/api/v1/people/" + id, bad);
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactlyInAnyOrder("formerName", "nativePlace", "maritalStatus",
				"religion", "occupationCategory", "occupation", "registeredPlace", "currentPlace",
				"householdConsistency", "householdNumber", "householdHeadRelation");
		assertThat(worker1.get("/api/v1/people/" + id).json().path("nativePlace").asString()).as("nothing half-written")
			.isEqualTo("340104");

		Map<String, Object> changed = new HashMap<>(body);
		changed.put("version", read.json().path("version").asInt());
		changed.put("maritalStatus", "40");
		changed.put("currentPlace", "320506");
		changed.put("formerName", null);
		Response updated = worker1.put("/api/v1/people/" + id, changed);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().path("maritalStatus").asString()).isEqualTo("40");
		assertThat(updated.json().path("currentPlace").asString()).isEqualTo("320506");
		assertThat(updated.json().path("formerName").isNull()).as("a PUT clears what it leaves out").isTrue();
		assertThat(updated.json().path("religion").asString()).isEqualTo("00");
	}

}
