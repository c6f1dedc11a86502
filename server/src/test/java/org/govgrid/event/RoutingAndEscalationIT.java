package org.govgrid.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing rules and categories administered through the API, and an event that climbs the
 * handling levels: own grid → community → town centre.
 */
class RoutingAndEscalationIT extends ApiIntegrationTest {

	@Test
	void aRuleKeepsAnEventInItsGridAndEscalationTakesItUpLevelByLevel() {
		ApiClient admin = this.accounts.demo(this.port, "admin");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient center = this.accounts.demo(this.port, "center");
		long town = this.accounts.region("320505006").id();

		Response bad = admin.post("/api/v1/routing-rules", Map.of("categoryCode", "NOPE", "regionId", 987654321L,
				"level", "HUGE", "targetKind", "DEPARTMENT", "acceptanceHours", 0, "disposalHours", 99999));
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("categoryCode", "regionId", "level", "departmentId",
				"acceptanceHours", "disposalHours");
		Map<String, Object> rule = new HashMap<>(Map.of("categoryCode", "ZAYH-01", "regionId", town, "targetKind",
				"OWN_GRID", "acceptanceHours", 1, "disposalHours", 8, "autoDispatch", true, "priority", 5));
		Response created = admin.post("/api/v1/routing-rules", rule);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long ruleId = created.json().path("id").asLong();
		assertThat(created.json().path("regionName").asString()).isEqualTo("狮山街道");
		assertThat(center.get("/api/v1/routing-rules").json()).extracting(r -> r.path("id").asLong()).contains(ruleId);
		try {
			JsonNode event = worker1.post("/api/v1/events", report("ZAYH-01")).json();
			long id = event.path("id").asLong();
			assertThat(event.path("status").asString()).isEqualTo("DISPATCHED");
			assertThat(event.path("currentUnit").path("kind").asString()).isEqualTo("GRID");
			assertThat(event.path("handlingLevel").asString()).isEqualTo("GRID");

			assertThat(worker1.post("/api/v1/events/" + id + "/sign", Map.of()).json().path("status").asString())
				.isEqualTo("IN_PROGRESS");
			JsonNode atCommunity = worker1.post("/api/v1/events/" + id + "/escalate", Map.of("comment", "需社区协调"))
				.json();
			assertThat(atCommunity.path("status").asString()).isEqualTo("REPORTED");
			assertThat(atCommunity.path("currentUnit").path("kind").asString()).isEqualTo("COMMUNITY");
			assertThat(chief1.get("/api/v1/events/" + id).json().path("allowedActions")).extracting(JsonNode::asString)
				.contains("accept", "escalate");
			JsonNode atTown = chief1.post("/api/v1/events/" + id + "/escalate", Map.of("comment", "需街道联动")).json();
			assertThat(atTown.path("currentUnit").path("kind").asString()).isEqualTo("TOWN_CENTRE");
			assertThat(atTown.path("handlingLevel").asString()).isEqualTo("TOWN");
			Response noTarget = center.post("/api/v1/events/" + id + "/escalate", Map.of("comment", "需区级部门"));
			assertThat(noTarget.errorFields()).containsExactly("targetUnitId");
			List<String> steps = new ArrayList<>();
			atTown.path("flow").forEach(step -> steps.add(step.path("action").asString()));
			assertThat(steps).containsExactly("report", "dispatch", "sign", "escalate", "escalate");
			assertThat(center.get("/api/v1/events?mine=true&status=REPORTED&size=200").json().path("items"))
				.extracting(item -> item.path("id").asLong())
				.contains(id);
		}
		finally {
			assertThat(admin.delete("/api/v1/routing-rules/" + ruleId).status()).isEqualTo(204);
		}
		assertThat(admin.get("/api/v1/routing-rules").json()).extracting(r -> r.path("id").asLong())
			.doesNotContain(ruleId);
	}

	@Test
	void listsFilterByStatusCategoryKeywordAndRefuseUnknownCodes() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		JsonNode event = worker1.post("/api/v1/events", report("SCJG-01")).json();
		String code = event.path("code").asString();
		JsonNode page = worker1.get("/api/v1/events?status=REPORTED&categoryCode=SCJG&keyword=" + code).json();
		assertThat(page.path("total").asLong()).isEqualTo(1);
		assertThat(page.path("items").get(0).path("categoryName").asString()).isNotBlank();
		assertThat(worker1.get("/api/v1/events?status=CLOSED&keyword=" + code).json().path("total").asLong()).isZero();
		assertThat(worker2.get("/api/v1/events?keyword=" + code).json().path("total").asLong())
			.as("another grid's worker does not see it")
			.isZero();
		assertThat(worker1.get("/api/v1/events?status=LOST&level=HUGE&source=PIGEON&flag=PINK&sort=x,y").errorFields())
			.contains("status", "level", "source", "flag");
		assertThat(worker1.get("/api/v1/events?size=500").errorFields()).containsExactly("size");
	}

	@Test
	void categoriesAreAdministeredAndValidated() {
		ApiClient admin = this.accounts.demo(this.port, "admin");
		Response bad = admin.post("/api/v1/event-categories",
				Map.of("code", "bad code", "parentCode", "NOPE", "defaultLevel", "HUGE", "acceptanceHours", -1));
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("code", "parentCode", "name", "defaultLevel",
				"acceptanceHours", "disposalHours");
		Response created = admin.post("/api/v1/event-categories", Map.of("code", "CSGL-90", "parentCode", "CSGL",
				"name", "共享单车乱停放", "defaultLevel", "GENERAL", "acceptanceHours", 2, "disposalHours", 12));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("disposalHours").asDouble()).isEqualTo(12.0);
		assertThat(admin
			.post("/api/v1/event-categories", Map.of("code", "CSGL-90", "parentCode", "CSGL", "name", "again",
					"defaultLevel", "GENERAL", "acceptanceHours", 2, "disposalHours", 12))
			.errorFields()).containsExactly("code");
		Response disabled = admin.put("/api/v1/event-categories/CSGL-90", Map.of("name", "共享单车乱停放", "defaultLevel",
				"GENERAL", "acceptanceHours", 2, "disposalHours", 12, "enabled", false));
		assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
		assertThat(admin.put("/api/v1/event-categories/NOPE-99", Map.of()).status()).isEqualTo(404);
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.post("/api/v1/events", report("CSGL-90")).errorFields())
			.as("a disabled category takes no reports")
			.containsExactly("categoryCode");
	}

	private Map<String, Object> report(String category) {
		return eventReport(category, EventLifecycleIT.GRID_1, "GRID_WORKER", "商户门前堆放杂物", "狮山路66号");
	}

}
