package org.govgrid.dispatch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * 联动指挥 through the API: the board with the columns of 7.2.6, batch assignment (all or
 * nothing) and tasks with their own status.
 */
class CommandCentreIT extends ApiIntegrationTest {

	@Test
	void theBoardShowsTheColumnsOfTheStandardFilteredAndSorted() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = hotline(center, "MSFW-01").path("code").asString();
		JsonNode row = center.get("/api/v1/dispatch/collaborative-events?source=HOTLINE_12345&keyword=" + code)
			.json()
			.path("items")
			.get(0);
		assertThat(row.path("code").asString()).isEqualTo(code);
		assertThat(row.path("reporterName").asString()).isEqualTo("张女士");
		assertThat(row.path("reporterPhone").asString()).isEqualTo("139****0000");
		assertThat(row.path("reportedAt").asString()).isNotBlank();
		assertThat(row.path("content").asString()).contains("楼道");
		assertThat(row.path("overdueAt").asString()).isNotBlank();
		assertThat(row.path("status").asString()).isEqualTo("REPORTED");
		assertThat(row.path("source").asString()).isEqualTo("HOTLINE_12345");
		assertThat(row.path("actions")).extracting(JsonNode::asString).contains("accept", "dispatch", "reject");

		List<String> ascending = codes(center.get("/api/v1/dispatch/collaborative-events?sort=code,asc&size=200"));
		assertThat(ascending).isSorted();
		assertThat(center.get("/api/v1/dispatch/collaborative-events?sort=secret,asc").errorFields())
			.containsExactly("sort");
		assertThat(this.accounts.demo(this.port, "leader").get("/api/v1/dispatch/collaborative-events").status())
			.isEqualTo(200);
		assertThat(this.accounts.demo(this.port, "worker1").get("/api/v1/dispatch/collaborative-events").status())
			.isEqualTo(403);
	}

	@Test
	void batchAssignmentDispatchesEveryEventOrNone() {
		ApiClient center = this.accounts.demo(this.port, "center");
		long first = hotline(center, "MSFW-02").path("id").asLong();
		long second = hotline(center, "MSFW-03").path("id").asLong();
		Map<String, Object> assignment = new HashMap<>();
		assignment.put("eventIds", List.of(first, second));
		assignment.put("targetUnitKind", "DEPARTMENT");
		assignment.put("targetUnitId", department("320505006-MZ"));
		assignment.put("deadline", Instant.now().plus(2, ChronoUnit.DAYS).toString());
		assignment.put("comment", "请民政办统一处置");
		Response done = center.post("/api/v1/dispatch/assignments", assignment);
		assertThat(done.status()).as(done.body()).isEqualTo(200);
		assertThat(status(first)).isEqualTo("DISPATCHED");
		assertThat(status(second)).isEqualTo("DISPATCHED");

		long third = hotline(center, "MSFW-04").path("id").asLong();
		assignment.put("eventIds", List.of(first, third));
		Response refused = center.post("/api/v1/dispatch/assignments", assignment);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorFields()).containsExactly("eventIds[0]");
		assertThat(status(third)).as("nothing half-written").isEqualTo("REPORTED");

		assignment.put("eventIds", List.of(third));
		assignment.put("targetUnitId", 987654321L);
		assignment.put("deadline", "2001-01-01T00:00:00Z");
		Response bad = center.post("/api/v1/dispatch/assignments", assignment);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("errors").toString()).contains("targetUnitId", "deadline");
		assertThat(center.post("/api/v1/dispatch/assignments", Map.of("eventIds", List.of())).errorFields())
			.containsExactly("eventIds");
	}

	@Test
	void tasksGoToAPersonWhoStartsAndCompletesThem() {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		long event = hotline(center, "MSFW-05").path("id").asLong();
		Response bad = center.post("/api/v1/dispatch/tasks", Map.of("deadline", "2001-01-01T00:00:00Z"));
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("title", "assigneeId", "deadline");
		Response created = center.post("/api/v1/dispatch/tasks",
				Map.of("title", "走访核实楼道堆物情况", "assigneeId", this.accounts.id("worker1"), "deadline",
						Instant.now().plus(1, ChronoUnit.DAYS).toString(), "eventId", event));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long task = created.json().path("id").asLong();
		assertThat(created.json().path("status").asString()).isEqualTo("ASSIGNED");
		assertThat(created.json().path("eventCode").asString()).startsWith("SJ");

		assertThat(worker1.get("/api/v1/dispatch/tasks?mine=true").json().path("items"))
			.extracting(t -> t.path("id").asLong())
			.contains(task);
		assertThat(worker2.post("/api/v1/dispatch/tasks/" + task + "/start", Map.of()).status()).isEqualTo(404);
		Response notTheAssignee = center.post("/api/v1/dispatch/tasks/" + task + "/start", Map.of());
		assertThat(notTheAssignee.status()).isEqualTo(409);
		assertThat(notTheAssignee.problemType()).isEqualTo("https://govgrid.org/problems/illegal-transition");
		assertThat(notTheAssignee.json().path("action").asString()).isEqualTo("start");
		assertThat(notTheAssignee.json().path("status").asString()).isEqualTo("ASSIGNED");
		assertThat(worker1.post("/api/v1/dispatch/tasks/" + task + "/start", Map.of()).json().path("status").asString())
			.isEqualTo("IN_PROGRESS");
		assertThat(worker1.post("/api/v1/dispatch/tasks/" + task + "/complete", Map.of("comment", "已走访"))
			.json()
			.path("status")
			.asString()).isEqualTo("DONE");
		assertThat(worker1.post("/api/v1/dispatch/tasks/" + task + "/complete", Map.of()).status()).isEqualTo(409);
		assertThat(center.post("/api/v1/dispatch/tasks/" + task + "/cancel", Map.of("comment", "x")).status())
			.isEqualTo(409);
		assertThat(center.get("/api/v1/dispatch/tasks?status=DONE").json().path("items"))
			.extracting(t -> t.path("id").asLong())
			.contains(task);
	}

	private JsonNode hotline(ApiClient center, String category) {
		Map<String, Object> report = eventReport(category, "320505006002003", "HOTLINE_12345", "市民来电反映楼道堆放杂物，存在消防隐患",
				"枫桥花园3幢");
		report.put("reporterName", "张女士");
		report.put("reporterPhone", "13900000000");
		Response response = center.post("/api/v1/events", report);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private List<String> codes(Response response) {
		List<String> codes = new java.util.ArrayList<>();
		response.json().path("items").forEach(item -> codes.add(item.path("code").asString()));
		return codes;
	}

	private String status(long id) {
		return this.jdbc.queryForObject("select status from event where id = ?", String.class, id);
	}

	private long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

}
