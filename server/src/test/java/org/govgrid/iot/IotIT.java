package org.govgrid.iot;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.govgrid.warning.WarningSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 标准 7.4 over HTTP on the running platform: the registry placed and scoped like base
 * data, a device's signed messages and a centre's posts for a device, bad input refused
 * whole, alarms becoming one IOT event per device and alarm kind, and DEVICE_OFFLINE
 * raised by the real warning sweep on the test clock and replayed by the backtest.
 */
class IotIT extends ApiIntegrationTest {

	/** worker1's grid (狮山街道 → 狮山社区 → first grid). */
	static final String WORKER1_GRID = "320505006001001";

	private static final String TOWN = "320505006";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	WarningSetup warnings;

	@Autowired
	OfflineJob offlineJob;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theRegistryPlacesDevicesInTheirGridAndScopesThem() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = IotFixture.uniqueCode("IT-REG");
		JsonNode device = IotFixture.register(center, code, "GAS_DETECTOR", center(WORKER1_GRID)).json();
		long gridId = this.accounts.region(WORKER1_GRID).id();
		assertThat(device.path("gridId").asLong()).isEqualTo(gridId);
		assertThat(device.path("state").asString()).isEqualTo("OFFLINE");
		assertThat(device.path("kindName").asString()).isEqualTo("燃气探测器");
		long id = device.path("id").asLong();

		Response list = center.get("/api/v1/iot/devices?kind=GAS_DETECTOR&keyword=" + code);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		JsonNode item = list.json().path("items").get(0);
		for (String field : List.of("id", "code", "kind", "gridId", "lon", "lat", "state", "lastSeenAt")) {
			assertThat(item.has(field)).as(field).isTrue();
		}
		assertThat(center.get("/api/v1/iot/devices?state=ALARM&keyword=" + code).json().path("total").asInt()).isZero();
		assertThat(center.get("/api/v1/iot/devices?kind=TOASTER").errorFields()).containsExactly("kind");

		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.get("/api/v1/iot/devices/" + id).status()).isEqualTo(200);
		// worker3 works in 枫桥街道: a device of 狮山街道 does not exist for them
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		Response hidden = worker3.get("/api/v1/iot/devices/" + id);
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.problemType()).isEqualTo("https://govgrid.org/problems/not-found");
		assertThat(worker3.get("/api/v1/iot/devices/" + id + "/messages").status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/iot/devices?keyword=" + code).json().path("total").asInt()).isZero();

		Response bad = center.post("/api/v1/iot/devices",
				Map.of("code", "has space", "kind", "TOASTER", "lon", 200, "lat", 31.3));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).contains("code", "kind", "name", "lon");
		assertThat(center
			.post("/api/v1/iot/devices",
					Map.of("code", code, "kind", "GAS_DETECTOR", "name", "重复", "lon", device.path("lon").asDouble(),
							"lat", device.path("lat").asDouble()))
			.status()).isEqualTo(409);

		Response disabled = center.put("/api/v1/iot/devices/" + id,
				Map.of("code", code, "kind", "GAS_DETECTOR", "name", "停用的探测器", "lon", device.path("lon").asDouble(),
						"lat", device.path("lat").asDouble(), "state", "DISABLED"));
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
		assertThat(disabled.json().path("state").asString()).isEqualTo("DISABLED");
		assertThat(worker1.put("/api/v1/iot/devices/" + id, Map.of()).status()).isEqualTo(403);
	}

	@Test
	void aDeviceSignsItsMessagesAndARedeliveryChangesNothing() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = IotFixture.uniqueCode("IT-TEL");
		long id = IotFixture.register(center, code, "WATER_LEVEL", center(WORKER1_GRID)).json().path("id").asLong();
		// the database keeps microseconds
		Instant at = Instant.now().minusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		String body = IotFixture.message(code, "TELEMETRY", at, null, "{\"levelCm\":41,\"battery\":77}");

		HttpResponse<String> first = IotFixture.signedPost(this.port, body);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		assertThat(JSON.readTree(first.body()).path("state").asString()).isEqualTo("ONLINE");
		HttpResponse<String> again = IotFixture.signedPost(this.port, body);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(again.body()).path("duplicate").asBoolean()).isTrue();

		JsonNode device = center.get("/api/v1/iot/devices/" + id).json();
		assertThat(device.path("battery").asInt()).isEqualTo(77);
		assertThat(Instant.parse(device.path("lastSeenAt").asString())).isEqualTo(at);
		JsonNode log = center.get("/api/v1/iot/devices/" + id + "/messages").json();
		assertThat(log.path("total").asInt()).isEqualTo(1);
		assertThat(log.path("items").get(0).path("channel").asString()).isEqualTo("HTTP");
		assertThat(log.path("items").get(0).path("payload").asString()).contains("levelCm");

		// unsigned without a session, a wrong secret, a stale signature: 401, nothing
		// stored
		byte[] raw = IotFixture.message(code, "TELEMETRY", at.plusSeconds(5), null, "{}")
			.getBytes(StandardCharsets.UTF_8);
		String later = new String(raw, StandardCharsets.UTF_8);
		HttpResponse<String> unsigned = IotFixture.signedPost(this.port, later, null);
		assertThat(unsigned.statusCode()).as(unsigned.body()).isEqualTo(401);
		assertThat(IotFixture
			.signedPost(this.port, later, IotFixture.signature(raw, Instant.now().getEpochSecond(), "not-the-secret"))
			.statusCode()).isEqualTo(401);
		assertThat(
				IotFixture
					.signedPost(this.port, later,
							IotFixture.signature(raw, Instant.now().getEpochSecond() - 900,
									org.govgrid.support.IntegrationTest.IOT_DEVICE_SECRET))
					.statusCode())
			.isEqualTo(401);
		assertThat(messages(id)).isEqualTo(1);
	}

	@Test
	void badMessagesAreRefusedWholeNamingEveryField() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = IotFixture.uniqueCode("IT-BAD");
		long id = IotFixture.register(center, code, "SMOKE_DETECTOR", center(WORKER1_GRID)).json().path("id").asLong();
		Instant now = Instant.now();

		HttpResponse<String> notJson = IotFixture.signedPost(this.port, "smoke=0.3;battery=80");
		assertThat(notJson.statusCode()).isEqualTo(400);
		assertThat(fields(notJson.body())).containsExactly("body");
		HttpResponse<String> unknown = IotFixture.signedPost(this.port,
				IotFixture.message("IT-NOBODY-" + System.nanoTime(), "TELEMETRY", now, null, "{}"));
		assertThat(fields(unknown.body())).containsExactly("deviceCode");
		HttpResponse<String> future = IotFixture.signedPost(this.port,
				IotFixture.message(code, "TELEMETRY", now.plus(Duration.ofHours(1)), null, "{}"));
		assertThat(future.statusCode()).isEqualTo(400);
		assertThat(fields(future.body())).containsExactly("time");
		HttpResponse<String> several = IotFixture.signedPost(this.port,
				"{\"deviceCode\":\"" + code + "\",\"type\":\"BEEP\",\"time\":\"yesterday\",\"payload\":[1,2],"
						+ "\"alarmKind\":\"" + "x".repeat(60) + "\"}");
		assertThat(fields(several.body())).containsExactlyInAnyOrder("type", "time", "payload", "alarmKind");
		HttpResponse<String> noKind = IotFixture.signedPost(this.port,
				IotFixture.message(code, "ALARM", now, null, "{\"battery\":140}"));
		assertThat(fields(noKind.body())).containsExactlyInAnyOrder("alarmKind", "payload.battery");

		// a centre of the other town posting for a device of 狮山街道
		ApiClient otherCentre = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		Response outside = otherCentre.postRaw("/api/v1/iot/messages",
				IotFixture.message(code, "ALARM", now, "SMOKE", "{}"));
		assertThat(outside.status()).as(outside.body()).isEqualTo(400);
		assertThat(outside.errorFields()).containsExactly("deviceCode");
		// a user without iot:device:write and without a signature
		assertThat(this.accounts.demo(this.port, "worker1")
			.postRaw("/api/v1/iot/messages", IotFixture.message(code, "TELEMETRY", now, null, "{}"))
			.status()).isEqualTo(403);

		assertThat(messages(id)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from iot_alarm where device_id = ?", Integer.class, id))
			.isZero();
		assertThat(center.get("/api/v1/iot/devices/" + id).json().path("state").asString()).isEqualTo("OFFLINE");
	}

	@Test
	void anAlarmOpensOneEventThatRepeatsAndTheClearingAreNotedOn() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = IotFixture.uniqueCode("IT-ALM");
		long id = IotFixture.register(center, code, "SMOKE_DETECTOR", center(WORKER1_GRID)).json().path("id").asLong();
		Instant at = Instant.now().minusSeconds(60);

		Response first = center.postRaw("/api/v1/iot/messages",
				IotFixture.message(code, "ALARM", at, "SMOKE", "{\"smokeDensity\":0.4}"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().path("eventCreated").asBoolean()).isTrue();
		assertThat(first.json().path("state").asString()).isEqualTo("ALARM");
		long eventId = first.json().path("eventId").asLong();
		Map<String, Object> event = this.jdbc
			.queryForMap("select source, category_code, grid_id, routing_rule_id from event where id = ?", eventId);
		assertThat(event.get("source")).isEqualTo("IOT");
		assertThat(event.get("category_code")).isEqualTo("XFAQ-03");
		assertThat(((Number) event.get("grid_id")).longValue()).isEqualTo(this.accounts.region(WORKER1_GRID).id());
		assertThat(event.get("routing_rule_id")).as("routed by the rules").isNotNull();

		Response repeat = center.postRaw("/api/v1/iot/messages",
				IotFixture.message(code, "ALARM", at.plusSeconds(20), "SMOKE", "{\"smokeDensity\":0.6}"));
		assertThat(repeat.json().path("eventId").asLong()).isEqualTo(eventId);
		assertThat(repeat.json().path("eventCreated").asBoolean()).isFalse();
		Response cleared = center.postRaw("/api/v1/iot/messages",
				IotFixture.message(code, "ALARM_CLEARED", at.plusSeconds(40), "SMOKE", "{}"));
		assertThat(cleared.json().path("state").asString()).isEqualTo("ONLINE");

		List<String> notes = this.jdbc.queryForList(
				"select comment from event_flow where event_id = ? and action = 'note' order by id", String.class,
				eventId);
		assertThat(notes).hasSize(2);
		assertThat(notes.get(0)).startsWith("重复告警（SMOKE）").contains("0.6");
		assertThat(notes.get(1)).startsWith("设备报告告警解除");
		assertThat(this.jdbc.queryForObject("select count(*) from event where idempotency_key like ?", Integer.class,
				"iot:" + id + ":%"))
			.isEqualTo(1);

		JsonNode alarms = center.get("/api/v1/iot/alarms?size=200").json();
		JsonNode mine = StreamSupport.stream(alarms.path("items").spliterator(), false)
			.filter(a -> a.path("deviceId").asLong() == id)
			.findFirst()
			.orElseThrow();
		assertThat(mine.path("eventId").asLong()).isEqualTo(eventId);
		assertThat(mine.path("eventCode").asString()).startsWith("SJ");
		assertThat(mine.path("repeats").asInt()).isEqualTo(1);
		assertThat(mine.path("clearedAt").isNull()).isFalse();
	}

	@Test
	void aSilentDeviceRaisesDeviceOfflineInTheSweepAndTheBacktest() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = IotFixture.uniqueCode("IT-OFF");
		long id = IotFixture.register(center, code, "MANHOLE_COVER", center("320505006002003"))
			.json()
			.path("id")
			.asLong();
		long rule = this.warnings.signalRule("井盖离线45分钟 " + code, "DEVICE_OFFLINE", this.accounts.region(TOWN).id(), 45,
				null, null, "BLUE", null);
		Instant now = Instant.now();
		// one gap of two hours in the past, then messages every half hour up to a minute
		// ago
		for (Instant at : List.of(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)),
				now.minus(Duration.ofMinutes(30)), now.minusSeconds(60))) {
			assertThat(IotFixture.signedPost(this.port, IotFixture.message(code, "TELEMETRY", at, null, "{}"))
				.statusCode()).isEqualTo(201);
		}
		sweep();
		assertThat(alerts(rule, code)).as("heard a minute ago").isZero();

		this.clock.advance(Duration.ofMinutes(50));
		sweep();
		assertThat(alerts(rule, code)).isEqualTo(1);
		Map<String, Object> alert = this.jdbc.queryForMap(
				"select detail, measured, limit_value from warning_alert where rule_id = ? and alert_key = ?", rule,
				"device:" + code);
		assertThat(alert.get("detail").toString()).contains(code).contains("无消息");
		assertThat(((Number) alert.get("measured")).doubleValue()).isGreaterThanOrEqualTo(45);
		assertThat(this.offlineJob.flag()).isGreaterThanOrEqualTo(1);
		assertThat(center.get("/api/v1/iot/devices/" + id).json().path("state").asString()).isEqualTo("OFFLINE");
		this.clock.reset();

		Response backtest = center.post("/api/v1/warning-rules/backtest",
				Map.of("name", "离线回测", "kind", "DEVICE_OFFLINE", "regionId", this.accounts.region(TOWN).id(),
						"alertLevel", "BLUE", "threshold", 45, "days", 1));
		assertThat(backtest.status()).as(backtest.body()).isEqualTo(200);
		List<String> firings = StreamSupport.stream(backtest.json().path("firings").spliterator(), false)
			.filter(f -> f.path("key").asString().equals("device:" + code))
			.map(f -> f.path("at").asString())
			.toList();
		assertThat(firings).as(backtest.body()).hasSize(1);
		assertThat(Instant.parse(firings.get(0))).isCloseTo(now.minus(Duration.ofHours(3)).plus(Duration.ofMinutes(45)),
				within());
	}

	private static org.assertj.core.data.TemporalUnitOffset within() {
		return new org.assertj.core.data.TemporalUnitWithinOffset(1, java.time.temporal.ChronoUnit.SECONDS);
	}

	private void sweep() {
		ReflectionTestUtils.invokeMethod(this.context.getBean("warningJobs"), "sweep");
	}

	private int alerts(long rule, String code) {
		return this.jdbc.queryForObject("select count(*) from warning_alert where rule_id = ? and alert_key = ?",
				Integer.class, rule, "device:" + code);
	}

	private int messages(long deviceId) {
		return this.jdbc.queryForObject("select count(*) from iot_message where device_id = ?", Integer.class,
				deviceId);
	}

	private static List<String> fields(String problem) {
		JsonNode json = JSON.readTree(problem);
		return StreamSupport.stream(json.path("errors").spliterator(), false)
			.map(e -> e.path("field").asString())
			.toList();
	}

}
