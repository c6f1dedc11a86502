package org.govgrid.warning;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 数据研判预警 scripted on the running platform: reports through the API raise exactly one
 * alert per rule, grid and category (also when reported at once from threads), later
 * reports join its evidence, the town's centre and leader are told once, the centre
 * acknowledges and converts it into one event waiting in its queue linked to the
 * evidence, illegal moves are 409, and only the alert's area sees it. A backtest over
 * events reported days ago (test clock) names when the rule would have fired.
 */
class WarningIT extends ApiIntegrationTest {

	private static final String TOWN = "320505006";

	private static final String GRID_3 = "320505006001003";

	private static final String GRID_4 = "320505006001004";

	private static final String OTHER_COMMUNITY_GRID = "320505006002003";

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void threeReportsRaiseOneAlertWhichTheCentreConvertsIntoOneLinkedEvent() {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient leader = this.accounts.demo(this.port, "leader");
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID_4);
		long rule = createRule(center, "户外广告三起", "CSGL");
		long grid = this.accounts.region(GRID_4).id();

		List<Long> reported = new ArrayList<>();
		reported.add(report(worker, "CSGL-04", GRID_4));
		reported.add(report(worker, "CSGL-04", GRID_4));
		report(worker, "CSGL-05", GRID_4);
		assertThat(alertIds(rule, grid)).as("two of one category, one of another").isEmpty();
		reported.add(report(worker, "CSGL-04", GRID_4));
		assertThat(alertIds(rule, grid)).hasSize(1);
		long alertId = alertIds(rule, grid).get(0);

		JsonNode alert = center.get("/api/v1/alerts/" + alertId).json();
		assertThat(alert.path("status").asString()).isEqualTo("NEW");
		assertThat(alert.path("level").asString()).isEqualTo("ORANGE");
		assertThat(alert.path("key").asString()).isEqualTo("CSGL-04");
		assertThat(alert.path("keyLabel").asString()).isEqualTo("户外广告设置不规范");
		assertThat(alert.path("regionId").asLong()).isEqualTo(grid);
		assertThat(alert.path("ruleName").asString()).isEqualTo("户外广告三起");
		assertThat(ids(alert.path("evidence"), "eventId")).containsExactlyElementsOf(reported);
		assertThat(alert.path("evidence").get(0).path("code").asString()).startsWith("SJ");
		assertThat(alert.path("allowedActions").valueStream().map(JsonNode::asString)).containsExactly("acknowledge",
				"dismiss", "convert");

		reported.add(report(worker, "CSGL-04", GRID_4));
		assertThat(alertIds(rule, grid)).as("the fourth joins the open alert").containsExactly(alertId);
		assertThat(ids(center.get("/api/v1/alerts/" + alertId).json().path("evidence"), "eventId"))
			.containsExactlyElementsOf(reported);

		// the town's centre and leader are told once, live (a notification row is a push)
		assertThat(notices(alertId, "center")).isEqualTo(1);
		assertThat(notices(alertId, "leader")).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("""
				select max(c) from (select count(*) as c from notification
				where subject_type = 'warning_alert' and subject_id = ? group by user_id) t""", Integer.class, alertId))
			.isEqualTo(1);
		JsonNode notice = center.get("/api/v1/notifications?size=200")
			.json()
			.path("items")
			.valueStream()
			.filter(n -> n.path("subjectId").asLong() == alertId
					&& "warning_alert".equals(n.path("subjectType").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(notice.path("kind").asString()).isEqualTo("WARNING_ALERT");
		assertThat(notice.path("link").asString()).isEqualTo("/warning/alerts/" + alertId);

		// who sees it
		assertThat(chief1.get("/api/v1/alerts/" + alertId).status()).isEqualTo(200);
		assertThat(ids(chief1.get("/api/v1/alerts?status=NEW&size=200").json().path("items"), "id")).contains(alertId);
		assertThat(leader.get("/api/v1/alerts/" + alertId).status()).isEqualTo(200);
		ApiClient otherTownCentre = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		assertThat(otherTownCentre.get("/api/v1/alerts/" + alertId).status()).isEqualTo(404);
		assertThat(ids(otherTownCentre.get("/api/v1/alerts?size=200").json().path("items"), "id"))
			.doesNotContain(alertId);
		assertThat(otherTownCentre.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of()).status())
			.isEqualTo(404);
		ApiClient otherChief = this.accounts.signedIn(this.port, "GRID_CHIEF", "320505006002");
		assertThat(otherChief.get("/api/v1/alerts/" + alertId).status()).isEqualTo(404);
		assertThat(this.accounts.demo(this.port, "worker3").get("/api/v1/alerts/" + alertId).status())
			.as("a grid worker holds no warning permission")
			.isEqualTo(403);
		assertThat(chief1.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of()).status())
			.as("the chief reads, the centre handles")
			.isEqualTo(403);

		Response acknowledged = center.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of());
		assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
		assertThat(acknowledged.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");
		assertThat(acknowledged.json().path("acknowledgedByName").asString()).isEqualTo("狮山街道指挥中心");
		Response twice = center.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of());
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.problemType()).isEqualTo("https://govgrid.org/problems/illegal-transition");
		assertThat(twice.json().path("title").asString()).isEqualTo("不允许的预警操作 / Illegal transition");
		assertThat(twice.json().path("action").asString()).isEqualTo("acknowledge");
		assertThat(twice.json().path("status").asString()).isEqualTo("ACKNOWLEDGED");

		long eventsBefore = this.jdbc.queryForObject("select count(*) from event", Long.class);
		Response converted = center.post("/api/v1/alerts/" + alertId + "/convert", Map.of());
		assertThat(converted.status()).as(converted.body()).isEqualTo(200);
		assertThat(converted.json().path("status").asString()).isEqualTo("CONVERTED");
		long eventId = converted.json().path("convertedEventId").asLong();
		assertThat(this.jdbc.queryForObject("select count(*) from event", Long.class)).isEqualTo(eventsBefore + 1);
		assertThat(this.jdbc.queryForList("select linked_event_id from event_link where event_id = ? order by 1",
				Long.class, eventId))
			.containsExactlyElementsOf(reported);

		JsonNode event = center.get("/api/v1/events/" + eventId).json();
		assertThat(event.path("source").asString()).isEqualTo("WARNING");
		assertThat(event.path("categoryCode").asString()).isEqualTo("CSGL-04");
		assertThat(event.path("gridId").asLong()).isEqualTo(grid);
		assertThat(event.path("status").asString()).as("城市管理 is auto-dispatched, but not a converted alert")
			.isEqualTo("REPORTED");
		assertThat(event.path("currentUnit").path("kind").asString()).isEqualTo("TOWN_CENTRE");
		assertThat(event.path("currentUnit").path("id").asLong()).isEqualTo(this.accounts.region(TOWN).id());
		assertThat(event.path("code").asString()).isEqualTo(converted.json().path("convertedEventCode").asString());
		for (JsonNode evidence : alert.path("evidence")) {
			assertThat(event.path("description").asString()).contains(evidence.path("code").asString());
		}
		JsonNode queue = center.get("/api/v1/events?mine=true&status=REPORTED&keyword=" + event.path("code").asString())
			.json();
		assertThat(ids(queue.path("items"), "id")).as("in the centre's queue").containsExactly(eventId);

		assertThat(center.post("/api/v1/alerts/" + alertId + "/convert", Map.of()).status()).isEqualTo(409);
		assertThat(center.post("/api/v1/alerts/" + alertId + "/dismiss", Map.of("reason", "晚了")).status())
			.isEqualTo(409);
		assertThat(this.jdbc.queryForObject("select count(*) from event", Long.class))
			.as("the refused convert raised nothing")
			.isEqualTo(eventsBefore + 1);

		// the converted event is not counted, nor are the closed alert's events: one more
		// report does not reopen it
		report(worker, "CSGL-04", GRID_4);
		assertThat(alertIds(rule, grid)).containsExactly(alertId);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from warning_alert where rule_id = ? and status in ('NEW', 'ACKNOWLEDGED')",
				Integer.class, rule))
			.isZero();
	}

	@Test
	void concurrentReportsRaiseExactlyOneAlertWhichTheCentreDismissesWithAReason() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		long rule = createRule(center, "并发三起", "CSGL-06");
		long grid = this.accounts.region(GRID_3).id();
		List<ApiClient> workers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			workers.add(this.accounts.signedIn(this.port, "GRID_WORKER", GRID_3));
		}
		ExecutorService pool = Executors.newFixedThreadPool(3);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Long>> futures = new ArrayList<>();
			for (ApiClient worker : workers) {
				futures.add(pool.submit(() -> {
					start.await();
					return report(worker, "CSGL-06", GRID_3);
				}));
			}
			start.countDown();
			List<Long> ids = new ArrayList<>();
			for (Future<Long> future : futures) {
				ids.add(future.get());
			}
			assertThat(alertIds(rule, grid)).hasSize(1);
			long alertId = alertIds(rule, grid).get(0);
			assertThat(this.jdbc.queryForList("select event_id from warning_evidence where alert_id = ?", Long.class,
					alertId))
				.containsExactlyInAnyOrderElementsOf(ids);
			long demoRule = this.jdbc.queryForObject("select min(id) from warning_rule where name like '同一网格%'",
					Long.class);
			assertThat(alertIds(demoRule, grid)).as("the demo rule (any category) raised one too").hasSize(1);

			Response noReason = center.post("/api/v1/alerts/" + alertId + "/dismiss", Map.of());
			assertThat(noReason.status()).isEqualTo(400);
			assertThat(noReason.errorFields()).containsExactly("reason");
			Response dismissed = center.post("/api/v1/alerts/" + alertId + "/dismiss", Map.of("reason", "同一商户重复上报"));
			assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);
			assertThat(dismissed.json().path("status").asString()).isEqualTo("DISMISSED");
			assertThat(dismissed.json().path("dismissReason").asString()).isEqualTo("同一商户重复上报");
			assertThat(dismissed.json().path("allowedActions").isEmpty()).isTrue();
			assertThat(center.post("/api/v1/alerts/" + alertId + "/acknowledge", Map.of()).status()).isEqualTo(409);
			assertThat(center.post("/api/v1/alerts/" + alertId + "/convert", Map.of()).status()).isEqualTo(409);
			assertThat(this.jdbc.queryForObject(
					"select count(*) from audit_log where object_type = 'warning_alert' and object_id = ?",
					Integer.class, Long.toString(alertId)))
				.isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void rulesAreValidatedScopedAndDisabled() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Response bad = center.post("/api/v1/warning-rules", Map.of("kind", "COUNT", "regionId",
				this.accounts.region("320505007").id(), "alertLevel", "PINK", "threshold", 0, "categoryCode", "NOPE"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("name", "regionId", "alertLevel", "threshold",
				"windowHours", "categoryCode");
		assertThat(center
			.post("/api/v1/warning-rules", rule("社区规则", "COUNT", this.accounts.region("320505006001").id(), "CSGL"))
			.errorFields()).as("a rule belongs to a town or above").containsExactly("regionId");
		assertThat(this.accounts.demo(this.port, "chief1")
			.post("/api/v1/warning-rules", rule("网格长规则", "COUNT", this.accounts.region(TOWN).id(), "CSGL"))
			.status()).isEqualTo(403);

		long id = createRule(center, "待停用规则", "AQSC");
		Map<String, Object> change = rule("突增规则", "SPIKE", this.accounts.region(TOWN).id(), "AQSC");
		change.put("spikeK", 2.5);
		JsonNode changed = center.put("/api/v1/warning-rules/" + id, change).json();
		assertThat(changed.path("kind").asString()).isEqualTo("SPIKE");
		assertThat(changed.path("spikeK").asDouble()).isEqualTo(2.5);
		assertThat(changed.path("windowHours").isNull()).isTrue();
		assertThat(changed.path("categoryName").asString()).isEqualTo("安全生产");
		assertThat(this.accounts.demo(this.port, "chief1").get("/api/v1/warning-rules").json())
			.as("the chief reads the rules watching their community")
			.anySatisfy(r -> assertThat(r.path("id").asLong()).isEqualTo(id));
		ApiClient otherTownCentre = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		assertThat(otherTownCentre.get("/api/v1/warning-rules/" + id).status()).isEqualTo(404);
		assertThat(otherTownCentre.delete("/api/v1/warning-rules/" + id).status()).isEqualTo(404);

		assertThat(center.delete("/api/v1/warning-rules/" + id).status()).isEqualTo(204);
		assertThat(center.get("/api/v1/warning-rules").json())
			.noneSatisfy(r -> assertThat(r.path("id").asLong()).isEqualTo(id));
		assertThat(center.get("/api/v1/warning-rules?includeDisabled=true").json())
			.anySatisfy(r -> assertThat(r.path("id").asLong()).isEqualTo(id));
	}

	@Test
	void aBacktestOverEventsReportedDaysAgoNamesWhenTheRuleWouldHaveFired() {
		ApiClient center = this.accounts.demo(this.port, "center");
		List<Long> past = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		this.clock.advance(Duration.ofDays(-10));
		for (int i = 0; i < 3; i++) {
			JsonNode event = center
				.post("/api/v1/events",
						eventReport("HJWS-05", OTHER_COMMUNITY_GRID, "HOTLINE_12345", "回测：河道漂浮物" + i, "回测河道"))
				.json();
			past.add(event.path("id").asLong());
			times.add(Instant.parse(event.path("reportedAt").asString()));
			this.clock.advance(Duration.ofMinutes(20));
		}
		this.clock.reset();
		int rulesBefore = this.jdbc.queryForObject("select count(*) from warning_rule", Integer.class);

		Map<String, Object> backtest = rule("回测规则", "COUNT", this.accounts.region(TOWN).id(), "HJWS-05");
		backtest.put("eventSource", "HOTLINE_12345");
		backtest.put("days", 30);
		Response response = center.post("/api/v1/warning-rules/backtest", backtest);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		long grid = this.accounts.region(OTHER_COMMUNITY_GRID).id();
		JsonNode firing = response.json()
			.path("firings")
			.valueStream()
			.filter(f -> f.path("regionId").asLong() == grid)
			.findFirst()
			.orElseThrow(() -> new AssertionError(response.body()));
		assertThat(Instant.parse(firing.path("at").asString())).isEqualTo(times.get(2));
		assertThat(ids(firing.path("eventIds"), null)).containsExactlyElementsOf(past);
		assertThat(firing.path("regionName").asString()).isEqualTo("何山社区第3网格");
		assertThat(firing.path("key").asString()).isEqualTo("HJWS-05");

		backtest.put("threshold", 4);
		assertThat(center.post("/api/v1/warning-rules/backtest", backtest).json().path("firings").valueStream())
			.noneMatch(f -> f.path("regionId").asLong() == grid);
		backtest.put("threshold", 3);
		backtest.put("days", 5);
		assertThat(center.post("/api/v1/warning-rules/backtest", backtest).json().path("firings").valueStream())
			.as("ten days ago is outside five days")
			.noneMatch(f -> f.path("regionId").asLong() == grid);
		assertThat(this.jdbc.queryForObject("select count(*) from warning_rule", Integer.class)).as("nothing stored")
			.isEqualTo(rulesBefore);

		Response bad = center.post("/api/v1/warning-rules/backtest", Map.of("days", 0));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).contains("days", "kind", "regionId", "threshold");
	}

	private long createRule(ApiClient center, String name, String category) {
		Response created = center.post("/api/v1/warning-rules",
				rule(name, "COUNT", this.accounts.region(TOWN).id(), category));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("editable").asBoolean()).isTrue();
		return created.json().path("id").asLong();
	}

	private static Map<String, Object> rule(String name, String kind, long regionId, String category) {
		Map<String, Object> rule = new HashMap<>();
		rule.put("name", name);
		rule.put("kind", kind);
		rule.put("regionId", regionId);
		rule.put("alertLevel", "ORANGE");
		rule.put("watchLevel", "GRID");
		rule.put("threshold", 3);
		rule.put("windowHours", 24);
		rule.put("categoryCode", category);
		return rule;
	}

	private long report(ApiClient worker, String category, String gridCode) {
		Response response = worker.post("/api/v1/events",
				eventReport(category, gridCode, "GRID_WORKER", "预警测试：" + category, "狮山路88号"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private List<Long> alertIds(long rule, long region) {
		return this.jdbc.queryForList("select id from warning_alert where rule_id = ? and region_id = ? order by id",
				Long.class, rule, region);
	}

	private int notices(long alertId, String username) {
		return this.jdbc.queryForObject("""
				select count(*) from notification n join app_user u on u.id = n.user_id
				where u.username = ? and n.kind = 'WARNING_ALERT' and n.subject_id = ?""", Integer.class, username,
				alertId);
	}

	private static List<Long> ids(JsonNode array, String field) {
		return array.valueStream().map(n -> field == null ? n.asLong() : n.path(field).asLong()).toList();
	}

}
