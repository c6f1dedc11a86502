package org.govgrid.basedata;

import java.net.URLEncoder;
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
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 矛盾纠纷 and 民情日志: mediation moves only along the lifecycle (409 otherwise), each step
 * recorded with who took it; read within the scope.
 */
class DisputesIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static final String RESPONDENT = URLEncoder.encode("钱大勇", StandardCharsets.UTF_8);

	private static final String ILLEGAL = "https://govgrid.org/problems/illegal-transition";

	Map<String, Object> dispute(List<Map<String, Object>> parties) {
		Map<String, Object> body = new HashMap<>();
		body.put("title", "楼上漏水引发邻里纠纷" + System.nanoTime());
		body.put("type", "NEIGHBOUR");
		body.put("scale", "SMALL");
		body.put("parties", parties);
		body.put("description", "502室卫生间漏水至402室，双方就维修费用分担产生争执。");
		body.put("address", "狮山街道金山路88号5幢");
		body.put("occurredOn", LocalDate.now().minusDays(2).toString());
		body.put("gridId", this.accounts.region(GRID_1).id());
		return body;
	}

	static List<Map<String, Object>> twoParties() {
		return List.of(Map.of("name", "赵春梅", "role", "APPLICANT"), Map.of("name", "钱大勇", "role", "RESPONDENT"));
	}

	@Test
	void aDisputeIsMediatedStepByStepUntilResolved() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response person = worker1.post("/api/v1/people",
				Map.of("idNumber", TestIds.idNumber(), "name", "赵春梅", "householdType", "REGISTERED", "gridId",
						this.accounts.region(GRID_1).id(), "currentAddress", "金山路88号"));
		long personId = person.json().path("id").asLong();
		Response created = worker1.post("/api/v1/disputes",
				dispute(List.of(Map.of("name", "赵春梅", "role", "APPLICANT", "personId", personId),
						Map.of("name", "钱大勇", "role", "RESPONDENT"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("status").asString()).isEqualTo("OPEN");
		assertThat(created.json().path("statusName").asString()).isEqualTo("待调解");
		assertThat(created.json().path("parties").get(0).path("personId").asLong()).isEqualTo(personId);
		assertThat(created.json().path("steps").findValuesAsString("action")).containsExactly("REGISTER");
		assertThat(created.json().path("actions").toString()).isEqualTo("[\"MEDIATE\",\"ESCALATE\"]");

		Response resolvedTooSoon = worker1.post("/api/v1/disputes/" + id + "/steps",
				Map.of("action", "RESOLVE", "note", "双方和解"));
		assertThat(resolvedTooSoon.status()).isEqualTo(409);
		assertThat(resolvedTooSoon.problemType()).isEqualTo(ILLEGAL);
		assertThat(resolvedTooSoon.json().path("status").asString()).isEqualTo("OPEN");
		assertThat(resolvedTooSoon.json().path("action").asString()).isEqualTo("RESOLVE");
		assertThat(resolvedTooSoon.json().path("title").asString()).isEqualTo("不允许的纠纷调解操作 / Illegal transition");

		step(worker1, id, "MEDIATE", "约双方到社区调解室面谈，物业到场查看漏水点。");
		step(worker1, id, "MEDIATE", "第二次调解，双方同意共同出资维修。");
		JsonNode resolved = step(worker1, id, "RESOLVE", "502室承担维修费用的七成，签订调解协议。");
		assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
		assertThat(resolved.path("result").asString()).isEqualTo("502室承担维修费用的七成，签订调解协议。");
		assertThat(resolved.path("steps").findValuesAsString("action")).containsExactly("REGISTER", "MEDIATE",
				"MEDIATE", "RESOLVE");
		assertThat(resolved.path("steps").get(1).path("actorName").asString()).isEqualTo("网格员一");
		assertThat(resolved.path("actions").size()).isZero();

		for (String action : List.of("MEDIATE", "FAIL", "ESCALATE")) {
			Response refused = worker1.post("/api/v1/disputes/" + id + "/steps",
					Map.of("action", action, "note", "再议"));
			assertThat(refused.status()).as(action).isEqualTo(409);
			assertThat(refused.problemType()).isEqualTo(ILLEGAL);
		}
		Map<String, Object> edit = dispute(twoParties());
		assertThat(worker1.put("/api/v1/disputes/" + id, edit).status()).as("closed: no more edits").isEqualTo(409);
		assertThat(this.jdbc.queryForObject("select count(*) from bd_dispute_step where dispute_id = ?", Integer.class,
				id))
			.isEqualTo(4);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where object_type = 'dispute' and object_id = ? and action = 'DISPUTE_STEP'",
				Integer.class, String.valueOf(id)))
			.isEqualTo(3);
	}

	@Test
	void aFailedMediationIsEscalatedAndBadStepsAreNamed() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long id = worker1.post("/api/v1/disputes", dispute(twoParties())).json().path("id").asLong();
		Response bad = worker1.post("/api/v1/disputes/" + id + "/steps", Map.of("action", "SHOUT", "note", " "));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("action", "note");
		step(worker1, id, "MEDIATE", "组织双方协商。");
		JsonNode failed = step(worker1, id, "FAIL", "双方分歧较大，调解不成。");
		assertThat(failed.path("statusName").asString()).isEqualTo("调解不成");
		assertThat(failed.path("actions").toString()).isEqualTo("[\"ESCALATE\"]");
		JsonNode escalated = step(worker1, id, "ESCALATE", "上报街道矛盾纠纷调处中心。");
		assertThat(escalated.path("status").asString()).isEqualTo("ESCALATED");
		assertThat(escalated.path("result").asString()).as("the failure stays the result").isEqualTo("双方分歧较大，调解不成。");
	}

	@Test
	void everyBadFieldIsNamedAndNothingIsWritten() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		long stranger = worker2
			.post("/api/v1/people",
					Map.of("idNumber", TestIds.idNumber(), "name", "孙立", "householdType", "REGISTERED", "gridId",
							this.accounts.region("320505006001002").id(), "currentAddress", "何山路1号"))
			.json()
			.path("id")
			.asLong();
		Integer before = this.jdbc.queryForObject("select count(*) from bd_dispute", Integer.class);
		Map<String, Object> bad = dispute(
				List.of(Map.of("name", "", "role", "JUDGE"), Map.of("name", "孙立", "personId", stranger)));
		bad.put("title", null);
		bad.put("type", "DUEL");
		bad.put("scale", "HUGE");
		bad.put("occurredOn", LocalDate.now().plusDays(3).toString());
		Response response = worker1.post("/api/v1/disputes", bad);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("title", "type", "scale", "parties[0].name",
				"parties[0].role", "parties[1].personId", "occurredOn");
		Map<String, Object> nobody = dispute(List.of());
		nobody.remove("occurredOn");
		assertThat(worker1.post("/api/v1/disputes", nobody).errorFields()).containsExactlyInAnyOrder("parties",
				"occurredOn");
		assertThat(this.jdbc.queryForObject("select count(*) from bd_dispute", Integer.class)).isEqualTo(before);
	}

	@Test
	void disputesAreSeenWithinTheScopeAndEditedWithTheCurrentVersion() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient center = this.accounts.demo(this.port, "center");
		Response created = worker1.post("/api/v1/disputes", dispute(twoParties()));
		long id = created.json().path("id").asLong();
		assertThat(worker2.get("/api/v1/disputes/" + id).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/disputes/" + id).status()).isEqualTo(404);
		assertThat(
				worker2.post("/api/v1/disputes/" + id + "/steps", Map.of("action", "MEDIATE", "note", "调解")).status())
			.isEqualTo(404);
		assertThat(chief1.get("/api/v1/disputes/" + id).status()).isEqualTo(200);
		assertThat(center.get("/api/v1/disputes?q=" + RESPONDENT + "&status=OPEN&type=NEIGHBOUR&size=200")
			.json()
			.path("items")
			.findValuesAsString("id")).contains(String.valueOf(id));
		assertThat(worker2.get("/api/v1/disputes?q=" + RESPONDENT + "&size=200")
			.json()
			.path("items")
			.findValuesAsString("id")).doesNotContain(String.valueOf(id));
		assertThat(center.get("/api/v1/disputes?status=SETTLED").errorFields()).containsExactly("status");

		Map<String, Object> edit = dispute(twoParties());
		edit.put("scale", "MEDIUM");
		edit.put("version", created.json().path("version").asInt());
		Response edited = worker1.put("/api/v1/disputes/" + id, edit);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().path("scaleName").asString()).isEqualTo("较大（3-9人）");
		assertThat(worker1.put("/api/v1/disputes/" + id, edit).status()).as("stale version").isEqualTo(409);
	}

	@Test
	void dailyNotesBelongToTheAuthorsGridAndAreReadWithinTheScope() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient center = this.accounts.demo(this.port, "center");
		String content = "走访独居老人张奶奶，身体尚好，反映楼道灯不亮。" + System.nanoTime();
		Response created = worker1.post("/api/v1/daily-notes",
				Map.of("notedOn", LocalDate.now().toString(), "topic", "VISIT", "content", content));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("gridId").asLong()).isEqualTo(this.accounts.region(GRID_1).id());
		assertThat(created.json().path("authorName").asString()).isEqualTo("网格员一");
		assertThat(created.json().path("topicName").asString()).isEqualTo("走访入户");

		String today = LocalDate.now().toString();
		assertThat(worker2.get("/api/v1/daily-notes?size=200&from=" + today)
			.json()
			.path("items")
			.findValuesAsString("content")).doesNotContain(content);
		assertThat(center.get("/api/v1/daily-notes?size=200&from=" + today + "&to=" + today)
			.json()
			.path("items")
			.findValuesAsString("content")).contains(content);
		assertThat(center.get("/api/v1/daily-notes?from=" + today + "&to=2000-01-01").errorFields())
			.containsExactly("to");

		Integer before = this.jdbc.queryForObject("select count(*) from bd_daily_note", Integer.class);
		Response bad = center.post("/api/v1/daily-notes",
				Map.of("notedOn", LocalDate.now().plusDays(1).toString(), "topic", "GOSSIP", "content", ""));
		assertThat(bad.errorFields()).as("the centre has no grid of its own")
			.containsExactlyInAnyOrder("notedOn", "topic", "content", "gridId");
		assertThat(this.jdbc.queryForObject("select count(*) from bd_daily_note", Integer.class)).isEqualTo(before);
	}

	private static JsonNode step(ApiClient client, long id, String action, String note) {
		Response response = client.post("/api/v1/disputes/" + id + "/steps", Map.of("action", action, "note", note));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

}
