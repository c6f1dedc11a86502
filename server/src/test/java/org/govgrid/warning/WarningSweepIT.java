package org.govgrid.warning;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.event.EventJobs;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 标准 7.2.7 end to end on the running platform: one rule of every kind in the demo town,
 * events reported through the API as grid workers would, and the scheduled sweep itself
 * ({@link WarningJobs#sweep}, as the scheduler calls it) run on the test clock. Each
 * alert is raised exactly once with its evidence and told to the centre and the leader
 * once; later sweeps raise nothing new; and once its condition has passed (the window,
 * the day, the overdue events closed) the sweep clears it (已消除), recorded as the system's
 * doing and shown by {@code GET /api/v1/alerts}.
 */
class WarningSweepIT extends ApiIntegrationTest {

	private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final String TOWN = "320505006";

	// grids and categories no other test reports in, so every count here is this test's
	private static final String COUNT_GRID = "320505006002002";

	private static final String REPEAT_GRID = "320505006002004";

	private static final String SPIKE_GRID = "320505006003001";

	private static final String OVERDUE_GRID = "320505006003003";

	@Autowired
	TestClock clock;

	@Autowired
	WarningJobs jobs;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void everyKindOfRuleRaisesOneAlertThatTheSweepClearsWhenItsConditionPasses() {
		keepTodayLongEnough();
		ApiClient center = this.accounts.demo(this.port, "center");
		long town = this.accounts.region(TOWN).id();
		long countRule = createRule(center, rule("井盖两起/小时", "COUNT", town, "GGSS-03", 2, 1));
		long repeatRule = createRule(center, rule("同一地址两起/小时", "REPEAT_ADDRESS", town, "GGSS-04", 2, 1));
		Map<String, Object> spike = rule("消防设施突增", "SPIKE", town, "XFAQ-03", 3, null);
		spike.put("spikeK", 2.0);
		long spikeRule = createRule(center, spike);
		long overdueRule = createRule(center, rule("群租房隐患超期聚集", "OVERDUE_CLUSTER", town, "XFAQ-04", 2, null));

		// the spike's baseline: one event three days ago (the API reports at the clock's
		// now)
		ApiClient spikeWorker = this.accounts.signedIn(this.port, "GRID_WORKER", SPIKE_GRID);
		this.clock.advance(Duration.ofDays(-3));
		long history = report(spikeWorker, "XFAQ-03", SPIKE_GRID, "天桥路1号");
		this.clock.advance(Duration.ofDays(3));

		// COUNT and REPEAT_ADDRESS raise on the report that reaches the threshold
		ApiClient countWorker = this.accounts.signedIn(this.port, "GRID_WORKER", COUNT_GRID);
		List<Long> counted = List.of(report(countWorker, "GGSS-03", COUNT_GRID, "竹园路5号"),
				report(countWorker, "GGSS-03", COUNT_GRID, "竹园路9号"));
		ApiClient repeatWorker = this.accounts.signedIn(this.port, "GRID_WORKER", REPEAT_GRID);
		List<Long> repeated = List.of(report(repeatWorker, "GGSS-04", REPEAT_GRID, "枫桥路18号"),
				report(repeatWorker, "GGSS-04", REPEAT_GRID, "枫桥路 18 号（门口）"));
		List<Long> spiked = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			spiked.add(report(spikeWorker, "XFAQ-03", SPIKE_GRID, "天桥路" + (i + 2) + "号"));
		}
		ApiClient overdueWorker = this.accounts.signedIn(this.port, "GRID_WORKER", OVERDUE_GRID);
		List<Long> overdue = List.of(report(overdueWorker, "XFAQ-04", OVERDUE_GRID, "何山路3号"),
				report(overdueWorker, "XFAQ-04", OVERDUE_GRID, "何山路7号"));
		long countAlert = onlyAlert(countRule);
		long repeatAlert = onlyAlert(repeatRule);
		assertThat(spikeAlerts(spikeRule)).as("a spike waits for the sweep").isEmpty();

		this.jobs.sweep();
		List<Long> spikes = spikeAlerts(spikeRule);
		assertThat(spikes).as("the spike grid's alert").hasSize(1);
		long spikeAlert = spikes.get(0);
		assertThat(alerts(overdueRule)).as("nothing is overdue yet").isEmpty();
		JsonNode spikeView = center.get("/api/v1/alerts/" + spikeAlert).json();
		assertThat(spikeView.path("status").asString()).isEqualTo("NEW");
		assertThat(spikeView.path("kind").asString()).isEqualTo("SPIKE");
		assertThat(evidence(spikeView)).as("today's events, not the baseline's").containsExactlyElementsOf(spiked);
		assertThat(evidence(spikeView)).doesNotContain(history);
		assertThat(evidence(center.get("/api/v1/alerts/" + countAlert).json())).containsExactlyElementsOf(counted);
		JsonNode repeatView = center.get("/api/v1/alerts/" + repeatAlert).json();
		assertThat(evidence(repeatView)).containsExactlyElementsOf(repeated);
		assertThat(repeatView.path("key").asString()).isEqualTo("枫桥路18号");

		this.jobs.sweep();
		assertThat(List.of(alerts(countRule), alerts(repeatRule), spikeAlerts(spikeRule), alerts(overdueRule)))
			.as("a second sweep raises nothing new")
			.containsExactly(List.of(countAlert), List.of(repeatAlert), List.of(spikeAlert), List.of());
		for (long alert : List.of(countAlert, repeatAlert, spikeAlert)) {
			assertToldOnce(alert);
			assertThat(status(alert)).isEqualTo("NEW");
		}

		// past the acceptance limit (2 h in the demo town): red, and past the 1 h windows
		Instant limit = overdue.stream()
			.map(id -> Instant.parse(center.get("/api/v1/events/" + id).json().path("acceptanceDeadline").asString()))
			.max(Instant::compareTo)
			.orElseThrow();
		Duration later = Duration.between(this.clock.instant(), limit).plusMinutes(5);
		assertThat(later).as("beyond the COUNT and REPEAT_ADDRESS windows").isGreaterThan(Duration.ofHours(1));
		this.clock.advance(later);
		// the scheduled sweep may clear them before the explicit one below, never before
		// the clock passed their windows
		Instant sweptAt = this.clock.instant();
		EventJobs.recomputeDeadlineFlags(this.context, this.clock.instant());
		assertThat(center.get("/api/v1/events/" + overdue.get(0)).json().path("flag").asString()).isEqualTo("RED");

		this.jobs.sweep();
		long overdueAlert = onlyAlert(overdueRule);
		JsonNode overdueView = center.get("/api/v1/alerts/" + overdueAlert).json();
		assertThat(overdueView.path("kind").asString()).isEqualTo("OVERDUE_CLUSTER");
		assertThat(evidence(overdueView)).containsExactlyElementsOf(overdue);
		assertCleared(center, countAlert, sweptAt);
		assertCleared(center, repeatAlert, sweptAt);
		assertThat(status(spikeAlert)).as("still the same day").isEqualTo("NEW");

		this.jobs.sweep();
		assertThat(alerts(overdueRule)).containsExactly(overdueAlert);
		assertThat(alerts(countRule)).as("a cleared alert is not raised again by old events")
			.containsExactly(countAlert);
		assertThat(alerts(repeatRule)).containsExactly(repeatAlert);
		assertToldOnce(overdueAlert);

		// the centre works on it; then one of the two overdue cases is closed (不予受理)
		assertThat(center.post("/api/v1/alerts/" + overdueAlert + "/acknowledge", Map.of()).status()).isEqualTo(200);
		Response rejected = center.post("/api/v1/events/" + overdue.get(0) + "/reject", Map.of("comment", "已由物业整改"));
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		this.jobs.sweep();
		assertCleared(center, overdueAlert, this.clock.instant());
		assertThat(alerts(overdueRule)).as("one overdue case left: below the threshold").containsExactly(overdueAlert);
		assertThat(status(spikeAlert)).isEqualTo("NEW");

		// the next day the spike is over: today has none of those events
		this.clock.advance(Duration.ofDays(1));
		Instant nextDay = this.clock.instant();
		this.jobs.sweep();
		assertCleared(center, spikeAlert, nextDay);
		this.jobs.sweep();
		assertThat(List.of(alerts(countRule), alerts(repeatRule), spikeAlerts(spikeRule), alerts(overdueRule)))
			.containsExactly(List.of(countAlert), List.of(repeatAlert), List.of(spikeAlert), List.of(overdueAlert));
		for (long alert : List.of(countAlert, repeatAlert, spikeAlert, overdueAlert)) {
			assertToldOnce(alert);
			assertThat(this.jdbc.queryForObject("""
					select count(*) from audit_log where action = 'WARNING_ALERT_CLEAR' and object_id = ?
					  and username = 'system' and user_id is null""", Integer.class, Long.toString(alert)))
				.as("the clearing of %d is audited once, as the system's", alert)
				.isEqualTo(1);
		}

		// the list shows them with the new status; a cleared alert does not move again
		JsonNode cleared = center.get("/api/v1/alerts?status=CLEARED&size=200").json();
		assertThat(cleared.path("items").valueStream().map(a -> a.path("id").asLong()).toList()).contains(countAlert,
				repeatAlert, spikeAlert, overdueAlert);
		assertThat(cleared.path("items").valueStream())
			.allSatisfy(a -> assertThat(a.path("closedBySystem").asBoolean()).isTrue());
		assertThat(center.get("/api/v1/alerts?status=NEW,ACKNOWLEDGED&size=200")
			.json()
			.path("items")
			.valueStream()
			.map(a -> a.path("id").asLong())
			.toList()).doesNotContain(countAlert, repeatAlert, spikeAlert, overdueAlert);
		Response again = center.post("/api/v1/alerts/" + spikeAlert + "/acknowledge", Map.of());
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("https://govgrid.org/problems/illegal-transition");
		assertThat(center.post("/api/v1/alerts/" + countAlert + "/convert", Map.of()).status()).isEqualTo(409);
	}

	@Test
	void aClearedConditionThatComesBackIsANewAlert() {
		ApiClient center = this.accounts.demo(this.port, "center");
		long rule = createRule(center, rule("窨井两起/小时", "COUNT", this.accounts.region(TOWN).id(), "GGSS-05", 2, 1));
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", COUNT_GRID);
		report(worker, "GGSS-05", COUNT_GRID, "竹园路1号");
		report(worker, "GGSS-05", COUNT_GRID, "竹园路2号");
		long first = onlyAlert(rule);
		this.clock.advance(Duration.ofMinutes(50));
		long third = report(worker, "GGSS-05", COUNT_GRID, "竹园路3号");
		this.jobs.sweep();
		assertThat(status(first)).as("two within the last hour: still holds").isEqualTo("NEW");

		this.clock.advance(Duration.ofMinutes(20));
		this.jobs.sweep();
		assertThat(status(first)).as("one within the last hour").isEqualTo("CLEARED");
		long fourth = report(worker, "GGSS-05", COUNT_GRID, "竹园路4号");
		List<Long> alerts = alerts(rule);
		assertThat(alerts).as("two within the hour again: a new alert").hasSize(2).startsWith(first);
		assertThat(evidence(center.get("/api/v1/alerts/" + alerts.get(1)).json())).containsExactly(third, fourth);
		assertToldOnce(alerts.get(1));
	}

	/**
	 * A spike lasts the local day: keeps the clock (moved forward when needed) at least
	 * four hours before midnight in Asia/Shanghai, so the day does not end mid-test.
	 */
	private void keepTodayLongEnough() {
		ZonedDateTime now = this.clock.instant().atZone(LOCAL);
		if (now.getHour() >= 20) {
			this.clock.advance(Duration.between(now, now.toLocalDate().plusDays(1).atTime(8, 0).atZone(LOCAL)));
		}
	}

	private void assertCleared(ApiClient center, long alertId, Instant sweptAt) {
		JsonNode alert = center.get("/api/v1/alerts/" + alertId).json();
		assertThat(alert.path("status").asString()).as("alert %d", alertId).isEqualTo("CLEARED");
		assertThat(alert.path("closedBySystem").asBoolean()).isTrue();
		assertThat(alert.path("closedByName").isNull()).isTrue();
		assertThat(alert.path("allowedActions").isEmpty()).isTrue();
		Instant closedAt = Instant.parse(alert.path("closedAt").asString());
		assertThat(closedAt).isBetween(sweptAt.minusSeconds(1), this.clock.instant());
		assertThat(
				this.jdbc.queryForObject("select closed_at from warning_alert where id = ?", Timestamp.class, alertId)
					.toInstant())
			.isEqualTo(closedAt);
	}

	/** The centre and the leader were told of the alert exactly once. */
	private void assertToldOnce(long alertId) {
		for (String user : List.of("center", "leader")) {
			assertThat(this.jdbc.queryForObject("""
					select count(*) from notification n join app_user u on u.id = n.user_id
					where u.username = ? and n.kind = 'WARNING_ALERT' and n.subject_type = 'warning_alert'
					  and n.subject_id = ?""", Integer.class, user, alertId)).as("%s told of alert %d", user, alertId)
				.isEqualTo(1);
		}
	}

	private long createRule(ApiClient center, Map<String, Object> rule) {
		Response created = center.post("/api/v1/warning-rules", rule);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static Map<String, Object> rule(String name, String kind, long regionId, String category, int threshold,
			Integer windowHours) {
		Map<String, Object> rule = new HashMap<>();
		rule.put("name", name);
		rule.put("kind", kind);
		rule.put("regionId", regionId);
		rule.put("alertLevel", "RED");
		rule.put("watchLevel", "GRID");
		rule.put("threshold", threshold);
		rule.put("windowHours", windowHours);
		rule.put("categoryCode", category);
		return rule;
	}

	private long report(ApiClient worker, String category, String gridCode, String address) {
		Response response = worker.post("/api/v1/events",
				eventReport(category, gridCode, "GRID_WORKER", "预警巡检：" + category, address));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private long onlyAlert(long rule) {
		List<Long> alerts = alerts(rule);
		assertThat(alerts).as("alerts of rule %d", rule).hasSize(1);
		return alerts.get(0);
	}

	/**
	 * The spike rule's alerts in its grid: other tests' events of the same 小类 (the IoT
	 * module's smoke alarms are 消防设施 too) may spike elsewhere in the town.
	 */
	private List<Long> spikeAlerts(long rule) {
		return this.jdbc.queryForList("select id from warning_alert where rule_id = ? and region_id = ? order by id",
				Long.class, rule, this.accounts.region(SPIKE_GRID).id());
	}

	private List<Long> alerts(long rule) {
		return this.jdbc.queryForList("select id from warning_alert where rule_id = ? order by id", Long.class, rule);
	}

	private String status(long alertId) {
		return this.jdbc.queryForObject("select status from warning_alert where id = ?", String.class, alertId);
	}

	private static List<Long> evidence(JsonNode alert) {
		return alert.path("evidence").valueStream().map(e -> e.path("eventId").asLong()).toList();
	}

}
