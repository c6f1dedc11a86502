package org.govgrid.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event loop of the issue, scripted through the API on the embedded PostgreSQL:
 * report with a photo → automatic routing to 城管 → sign → resolve → verify → closed →
 * evaluated, with one flow row and one audit row per step.
 */
class EventLifecycleIT extends ApiIntegrationTest {

	static final String GRID_1 = "320505006001001";

	@Test
	void aGridWorkersReportIsRoutedToCityManagementHandledVerifiedClosedAndEvaluated() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		ApiClient leader = this.accounts.demo(this.port, "leader");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		long photo = worker1.upload("/api/v1/files", "scene.jpg", TestImages.jpg(64, 48)).json().path("id").asLong();
		String key = UUID.randomUUID().toString();
		Map<String, Object> report = report("CSGL-01", GRID_1);
		report.put("fileIds", List.of(photo));

		Response created = worker1.post("/api/v1/events", report, Map.of("Idempotency-Key", key));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode event = created.json();
		long id = event.path("id").asLong();
		assertThat(event.path("code").asString()).matches("SJ\\d{8}\\d{6}");
		assertThat(event.path("status").asString()).isEqualTo("DISPATCHED");
		assertThat(event.path("currentUnit").path("kind").asString()).isEqualTo("DEPARTMENT");
		assertThat(event.path("currentUnit").path("id").asLong()).isEqualTo(department("320505006-CG"));
		assertThat(event.path("gridName").asString()).isNotBlank();
		assertThat(event.path("reporterPhone").asString()).isEqualTo("138****5678");
		assertThat(this.jdbc.queryForMap("select reporter_phone, reporter_phone_cipher from event where id = ?", id))
			.as("the phone is sealed at rest; only its masked form is in clear")
			.containsEntry("reporter_phone", "138****5678")
			.extractingByKey("reporter_phone_cipher")
			.isNotNull();
		assertThat(event.path("files").get(0).path("id").asLong()).isEqualTo(photo);

		assertThat(notices("dept_cg", id)).containsExactly("EVENT_ASSIGNED");
		assertThat(deptCg.get("/api/v1/notifications?unread=true").json().path("items").get(0).path("link").asString())
			.isEqualTo("/events/" + id);

		Response again = worker1.post("/api/v1/events", report, Map.of("Idempotency-Key", key));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("id").asLong()).isEqualTo(id);
		assertThat(this.jdbc.queryForObject("select count(*) from event where idempotency_key = ?", Long.class, key))
			.isEqualTo(1);

		assertThat(worker3.get("/api/v1/events/" + id).status()).isEqualTo(404);
		assertThat(worker3.post("/api/v1/events/" + id + "/sign", Map.of()).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/files/" + photo).status()).isEqualTo(404);
		assertThat(deptCg.get("/api/v1/files/" + photo).status()).isEqualTo(200);

		assertThat(deptCg.get("/api/v1/events/" + id).json().path("allowedActions")).extracting(JsonNode::asString)
			.contains("sign", "return");
		assertThat(deptCg.post("/api/v1/events/" + id + "/sign", Map.of()).json().path("status").asString())
			.isEqualTo("IN_PROGRESS");
		long fixed = deptCg.upload("/api/v1/files", "fixed.png", TestImages.png(40, 30)).json().path("id").asLong();
		Response resolved = deptCg.post("/api/v1/events/" + id + "/resolve",
				Map.of("comment", "已清理占道摊位", "fileIds", List.of(fixed)));
		assertThat(resolved.json().path("status").asString()).as(resolved.body()).isEqualTo("RESOLVED");

		assertThat(notices("worker1", id)).containsExactly("EVENT_TO_VERIFY");
		Response departmentVerifies = deptCg.post("/api/v1/events/" + id + "/verify", Map.of("passed", true));
		assertThat(departmentVerifies.status()).isEqualTo(409);
		assertThat(departmentVerifies.problemType()).endsWith("/illegal-transition");
		assertThat(departmentVerifies.json().path("title").asString()).isEqualTo("不允许的事件操作 / Illegal transition");
		assertThat(departmentVerifies.json().path("action").asString()).isEqualTo("verify");
		assertThat(departmentVerifies.json().path("status").asString()).isEqualTo("RESOLVED");

		assertThat(worker1.post("/api/v1/events/" + id + "/verify", Map.of("passed", true, "comment", "现场已核实"))
			.json()
			.path("status")
			.asString()).isEqualTo("CLOSED");
		JsonNode evaluated = leader.post("/api/v1/events/" + id + "/evaluate", Map.of("score", 5, "comment", "处置及时"))
			.json();
		assertThat(evaluated.path("score").asInt()).isEqualTo(5);
		assertThat(evaluated.path("status").asString()).isEqualTo("CLOSED");

		List<String> steps = new ArrayList<>();
		evaluated.path("flow").forEach(step -> steps.add(step.path("action").asString()));
		assertThat(steps).containsExactly("report", "dispatch", "sign", "resolve", "verify", "evaluate");
		assertThat(evaluated.path("flow").get(3).path("files").get(0).path("id").asLong()).isEqualTo(fixed);
		assertThat(this.jdbc.queryForList(
				"select action from audit_log where object_type = 'event' and object_id = ? order by id", String.class,
				String.valueOf(id)))
			.containsExactly("EVENT_REPORT", "EVENT_DISPATCH", "EVENT_SIGN", "EVENT_RESOLVE", "EVENT_VERIFY",
					"EVENT_EVALUATE");
		assertThat(leader.post("/api/v1/events/" + id + "/evaluate", Map.of("score", 4)).status()).isEqualTo(409);
	}

	@Test
	void otherCategoriesWaitInTheCentresQueueWithTheirDepartmentSuggested() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		JsonNode event = worker1.post("/api/v1/events", report("HJWS-01", GRID_1)).json();
		long id = event.path("id").asLong();
		assertThat(event.path("status").asString()).isEqualTo("REPORTED");
		assertThat(event.path("currentUnit").path("kind").asString()).isEqualTo("TOWN_CENTRE");
		assertThat(event.path("suggestedUnit").path("id").asLong()).isEqualTo(department("320505006-HB"));

		Response resolveWaiting = center.post("/api/v1/events/" + id + "/resolve", Map.of("comment", "done"));
		assertThat(resolveWaiting.status()).isEqualTo(409);
		assertThat(deptCg.get("/api/v1/events/" + id).status()).isEqualTo(404);

		Response dispatched = center.post("/api/v1/events/" + id + "/dispatch", Map.of("targetUnitKind", "DEPARTMENT",
				"targetUnitId", department("320505006-CG"), "assigneeId", this.accounts.id("dept_cg")));
		assertThat(dispatched.json().path("status").asString()).as(dispatched.body()).isEqualTo("DISPATCHED");
		assertThat(dispatched.json().path("assigneeName").asString()).isEqualTo("城管处置员");
		Response returned = deptCg.post("/api/v1/events/" + id + "/return", Map.of("comment", "不属于城管职责"));
		assertThat(returned.json().path("status").asString()).isEqualTo("REPORTED");
		assertThat(deptCg.get("/api/v1/events/" + id).status()).as("a department keeps seeing what it handled")
			.isEqualTo(200);
		List<String> steps = new ArrayList<>();
		returned.json().path("flow").forEach(step -> steps.add(step.path("action").asString()));
		assertThat(steps).containsExactly("report", "accept", "dispatch", "return");
	}

	@Test
	void badReportsNameEveryFieldAndWriteNothing() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long before = count();
		Response empty = worker1.post("/api/v1/events", Map.of());
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.errorFields()).contains("categoryCode", "description", "address", "source", "lon", "lat");
		Map<String, Object> bad = report("CSGL", GRID_1);
		bad.put("source", "PIGEON");
		bad.put("level", "HUGE");
		bad.put("reporterPhone", "call me");
		bad.put("fileIds", List.of(987654321L));
		assertThat(worker1.post("/api/v1/events", bad).errorFields()).containsExactlyInAnyOrder("categoryCode",
				"source", "level", "reporterPhone", "fileIds[0]");
		double[] elsewhere = center("320505007001001");
		Map<String, Object> outside = report("CSGL-01", GRID_1);
		outside.put("lon", elsewhere[0]);
		outside.put("lat", elsewhere[1]);
		assertThat(worker1.post("/api/v1/events", outside).errorFields()).containsExactly("lon");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void duplicatesNearbyAreListedAndTheCentreMergesThem() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient center = this.accounts.demo(this.port, "center");
		long first = worker1.post("/api/v1/events", report("MDJF-01", GRID_1)).json().path("id").asLong();
		Map<String, Object> near = report("MDJF-01", GRID_1);
		near.put("lon", (double) near.get("lon") + 0.0003);
		JsonNode second = worker1.post("/api/v1/events", near).json();
		assertThat(second.path("duplicates")).extracting(d -> d.path("id").asLong()).contains(first);
		assertThat(second.path("duplicates").get(0).path("distanceMeters").asDouble()).isBetween(20.0, 40.0);
		JsonNode merged = center
			.post("/api/v1/events/" + second.path("id").asLong() + "/merge", Map.of("targetEventId", first))
			.json();
		assertThat(merged.path("status").asString()).isEqualTo("REJECTED");
		assertThat(merged.path("mergedInto").path("id").asLong()).isEqualTo(first);
	}

	@Test
	void aWorkerHandlesOnTheSpotAndLeadersSupervise() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient leader = this.accounts.demo(this.port, "leader");
		long waiting = worker1.post("/api/v1/events", report("GGSS-01", GRID_1)).json().path("id").asLong();
		assertThat(leader.post("/api/v1/events/" + waiting + "/supervise", Map.of("comment", "请尽快受理"))
			.json()
			.path("supervisions")
			.asInt()).isEqualTo(1);
		assertThat(leader.post("/api/v1/events/" + waiting + "/supervise", Map.of()).errorFields())
			.containsExactly("comment");
		long small = worker1.post("/api/v1/events", report("HJWS-02", GRID_1)).json().path("id").asLong();
		JsonNode handled = worker1.post("/api/v1/events/" + small + "/self-handle", Map.of("comment", "已现场清理")).json();
		assertThat(handled.path("status").asString()).isEqualTo("CLOSED");
		assertThat(handled.path("selfHandled").asBoolean()).isTrue();
		assertThat(leader.post("/api/v1/events/" + small + "/dispatch", Map.of("targetUnitId", 1)).status())
			.as("leaders do not dispatch")
			.isEqualTo(403);
		assertThat(worker1.post("/api/v1/events/" + small + "/fly", Map.of()).status()).isEqualTo(404);
	}

	@Test
	void ofTwoConcurrentTransitionsExactlyOneWins() throws Exception {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long id = worker1.post("/api/v1/events", report("CSGL-02", GRID_1)).json().path("id").asLong();
		List<ApiClient> handlers = List.of(this.accounts.demo(this.port, "dept_cg"),
				this.accounts.demo(this.port, "dept_cg"));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (ApiClient handler : handlers) {
				Callable<Integer> sign = () -> {
					start.await();
					return handler.post("/api/v1/events/" + id + "/sign", Map.of()).status();
				};
				results.add(pool.submit(sign));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from event_flow where event_id = ? and action = 'sign'",
				Long.class, id))
			.isEqualTo(1);
		long version = this.jdbc.queryForObject("select version from event where id = ?", Long.class, id);
		assertThat(handlers.get(0)
			.post("/api/v1/events/" + id + "/resolve", Map.of("comment", "done", "version", version - 1))
			.status()).as("a stale version is refused").isEqualTo(409);
	}

	Map<String, Object> report(String category, String gridCode) {
		Map<String, Object> report = eventReport(category, gridCode, "GRID_WORKER", "路口有占道经营的摊位，影响通行", "狮山路88号");
		report.put("reporterPhone", "13812345678");
		return report;
	}

	List<String> notices(String username, long eventId) {
		return this.jdbc.queryForList("""
				select n.kind from notification n join app_user u on u.id = n.user_id
				where u.username = ? and n.subject_type = 'event' and n.subject_id = ? order by n.id""", String.class,
				username, eventId);
	}

	long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	long count() {
		return this.jdbc.queryForObject("select count(*) from event", Long.class);
	}

}
