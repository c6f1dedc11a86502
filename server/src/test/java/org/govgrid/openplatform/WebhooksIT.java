package org.govgrid.openplatform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.govgrid.event.EventChanged;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 5: signed webhooks from the transactional outbox. A receiver on 127.0.0.1
 * hears {@code event.reported} and then {@code event.closed} of one event walked through
 * its lifecycle by the demo accounts, each signed; a client of another town hears nothing
 * of it; a receiver failing twice gets the third attempt once the clock moves; a delivery
 * committed while no worker runs is sent by a fresh worker; a redirect is a failure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksIT extends ApiIntegrationTest {

	private static final String SHISHAN = "320505006";

	private static final String FENGQIAO = "320505007";

	private static final String GRID_1 = "320505006001001";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TestClock testClock;

	@Autowired
	WebhookWorker worker;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	IdentifierProtection sealing;

	@Autowired
	WebhookProperties properties;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEventPublisher publisher;

	private ApiClient admin;

	@BeforeAll
	void admin() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
	}

	@Test
	void aReceiverHearsTheReportAndTheCloseOfOneEventSignedAndAnotherTownHearsNothing() throws Exception {
		try (WebhookReceiver shishan = WebhookReceiver.answering();
				WebhookReceiver fengqiao = WebhookReceiver.answering()) {
			Hook hook = webhook(client("狮山事件推送", SHISHAN), shishan.url(), List.of("event.reported", "event.closed"));
			webhook(client("枫桥事件推送", FENGQIAO), fengqiao.url(), List.of("event.reported", "event.closed"));

			ApiClient worker1 = this.accounts.demo(this.port, "worker1");
			ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
			Response created = worker1.post("/api/v1/events",
					eventReport("CSGL-01", GRID_1, "GRID_WORKER", "推送测试：占道经营", "狮山推送测试地址"));
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long id = created.json().path("id").asLong();
			assertThat(deptCg.post("/api/v1/events/" + id + "/sign", Map.of()).status()).isEqualTo(200);
			assertThat(deptCg.post("/api/v1/events/" + id + "/resolve", Map.of("comment", "已清理")).status())
				.isEqualTo(200);
			Response closed = worker1.post("/api/v1/events/" + id + "/verify", Map.of("passed", true));
			assertThat(closed.json().path("status").asString()).as(closed.body()).isEqualTo("CLOSED");

			List<WebhookReceiver.Received> heard = waitFor(() -> shishan.about(id), list -> list.size() >= 2);
			assertThat(heard).extracting(WebhookReceiver.Received::event)
				.containsExactly("event.reported", "event.closed");
			for (WebhookReceiver.Received request : heard) {
				Map<String, String> signature = WebhookReceiver.signatureParts(request.signature());
				assertThat(signature.get("v1"))
					.isEqualTo(WebhookSender.sign(hook.secret(), signature.get("t") + "." + request.body()));
				assertThat(Math.abs(Long.parseLong(signature.get("t")) - Instant.now().getEpochSecond()))
					.isLessThan(300);
				JsonNode body = JSON.readTree(request.body());
				assertThat(body.path("id").asString()).isEqualTo(request.delivery());
				assertThat(body.path("type").asString()).isEqualTo(request.event());
				assertThat(body.path("time").asString()).isNotBlank();
				assertThat(body.path("resource").path("code").asString())
					.isEqualTo(created.json().path("code").asString());
				// no phone number anywhere (a bare "138" also occurs in times and ids)
				assertThat(request.body()).doesNotContainPattern("(?<!\\d)1[3-9]\\d{9}(?!\\d)")
					.doesNotContain("reporterPhone");
			}
			assertThat(JSON.readTree(heard.get(1).body()).path("resource").path("status").asString())
				.isEqualTo("CLOSED");
			// a forged signature would not match
			assertThat(WebhookSender.sign("another-secret", "1." + heard.get(0).body()))
				.isNotEqualTo(WebhookReceiver.signatureParts(heard.get(0).signature()).get("v1"));

			// 枫桥街道's client never hears of a 狮山街道 event: nothing queued, nothing sent
			assertThat(fengqiao.about(id)).isEmpty();
			assertThat(this.jdbc.queryForObject("""
					select count(*) from open_webhook_delivery d join open_webhook w on w.id = d.webhook_id
					join open_api_client c on c.id = w.client_id
					where (d.resource ->> 'id')::bigint = ? and c.region_path not like ?""", Integer.class, id,
					this.accounts.region(SHISHAN).path() + "%"))
				.isZero();

			// the log shows both deliveries as delivered
			JsonNode log = this.admin.get("/api/v1/open/webhook-deliveries?webhookId=" + hook.id()).json();
			assertThat(log.path("items")).extracting(d -> d.path("status").asString()).contains("DELIVERED");
		}
	}

	@Test
	void aReceiverThatFailsTwiceGetsTheThirdAttemptAndTheLogShowsAllThree() throws Exception {
		try (WebhookReceiver flaky = WebhookReceiver.answering(500, 500)) {
			Hook hook = webhook(client("重试测试", SHISHAN), flaky.url(), List.of("event.reported"));
			long id = report("推送测试：重试");
			long delivery = waitFor(() -> deliveryOf(hook, id), d -> d != null && attempts(d) == 1);
			assertThat(status(delivery)).isEqualTo("PENDING");
			this.testClock.advance(Duration.ofSeconds(11));
			waitFor(() -> attempts(delivery), n -> n == 2);
			assertThat(status(delivery)).isEqualTo("PENDING");
			this.testClock.advance(Duration.ofSeconds(31));
			waitFor(() -> attempts(delivery), n -> n == 3);
			assertThat(status(delivery)).isEqualTo("DELIVERED");

			assertThat(flaky.about(id)).hasSize(3)
				.extracting(WebhookReceiver.Received::delivery)
				.containsOnly(Long.toString(delivery));
			JsonNode item = this.admin.get("/api/v1/open/webhook-deliveries?webhookId=" + hook.id())
				.json()
				.path("items")
				.get(0);
			assertThat(item.path("id").asLong()).isEqualTo(delivery);
			assertThat(item.path("attemptCount").asInt()).isEqualTo(3);
			assertThat(item.path("attempts")).extracting(a -> a.path("statusCode").asInt())
				.containsExactly(500, 500, 200);
			assertThat(item.path("attempts").get(0).path("nextAttemptAt").asString()).isNotBlank();
			assertThat(item.path("attempts").get(0).path("error").asString()).isEqualTo("HTTP 500");

			// a replay sends it once more
			assertThat(this.admin.post("/api/v1/open/webhook-deliveries/" + delivery + "/replay", Map.of()).status())
				.isEqualTo(202);
			waitFor(() -> attempts(delivery), n -> n == 4);
			assertThat(flaky.about(id)).hasSize(4);
		}
	}

	@Test
	void aDeliveryCommittedWhileNoWorkerRunsIsSentByAFreshWorker() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.answering()) {
			Hook hook = webhook(client("重启测试", SHISHAN), receiver.url(), List.of("event.reported"));
			this.worker.stop();
			// a send begun before the stop finishes first
			Thread.sleep(1500);
			long id;
			long delivery;
			try {
				// the node "dies" after the report commits: the outbox row is all there
				// is
				id = report("推送测试：重启后送达");
				delivery = deliveryOf(hook, id);
				assertThat(status(delivery)).isEqualTo("PENDING");
				Thread.sleep(2500);
				assertThat(receiver.about(id)).isEmpty();
				assertThat(attempts(delivery)).isZero();

				// a fresh worker (a restarted node) over the same database sends it
				WebhookWorker restarted = new WebhookWorker(this.jdbcClient, this.transactions, this.sealing,
						this.properties, this.clock);
				assertThat(restarted.deliverDue()).isGreaterThanOrEqualTo(1);
			}
			finally {
				this.worker.start();
			}
			assertThat(receiver.about(id)).hasSize(1);
			assertThat(status(delivery)).isEqualTo("DELIVERED");
		}
	}

	@Test
	void aRolledBackChangeQueuesNothingAndACommittedOneIsQueuedInItsTransaction() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.answering()) {
			Hook hook = webhook(client("回滚测试", SHISHAN), receiver.url(), List.of("event.reported"));
			String path = this.accounts.region(GRID_1).path();
			long fakeId = -System.nanoTime();
			long grid = this.accounts.region(GRID_1).id();
			EventChanged change = new EventChanged(fakeId, "SJ-ROLLBACK", "QT-01", "GRID", "CITIZEN",
					this.accounts.id("worker1"), null, grid, grid, grid, path, "REPORTED", "NONE", false, Instant.now(),
					null, null, null, List.of(new EventChanged.Step("report", null, "REPORTED", null, Instant.now())));
			this.worker.stop();
			try {
				new TransactionTemplate(this.transactions).executeWithoutResult(status -> {
					this.publisher.publishEvent(change);
					// the listener wrote the outbox row in this very transaction
					assertThat(deliveryOf(hook, fakeId)).isNotNull();
					status.setRollbackOnly();
				});
			}
			finally {
				this.worker.start();
			}
			assertThat(deliveryOf(hook, fakeId)).isNull();
			Thread.sleep(1500);
			assertThat(receiver.about(fakeId)).isEmpty();
		}
	}

	@Test
	void aNewAlertIsDeliveredAsAlertRaised() throws Exception {
		try (WebhookReceiver receiver = WebhookReceiver.answering()) {
			Hook hook = webhook(client("预警推送测试", SHISHAN), receiver.url(), List.of("alert.raised"));
			Map<String, Object> rule = new java.util.HashMap<>();
			rule.put("name", "推送测试预警 " + System.nanoTime() % 100_000);
			rule.put("kind", "COUNT");
			rule.put("regionId", this.accounts.region(SHISHAN).id());
			rule.put("alertLevel", "ORANGE");
			rule.put("watchLevel", "GRID");
			rule.put("threshold", 2);
			rule.put("windowHours", 24);
			rule.put("categoryCode", "CSGL-04");
			Response created = this.accounts.demo(this.port, "center").post("/api/v1/warning-rules", rule);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			long ruleId = created.json().path("id").asLong();
			ApiClient worker = this.accounts.demo(this.port, "worker1");
			for (int i = 0; i < 2; i++) {
				assertThat(worker
					.post("/api/v1/events", eventReport("CSGL-04", GRID_1, "GRID_WORKER", "推送测试：预警", "狮山推送测试地址"))
					.status()).isEqualTo(201);
			}
			List<JsonNode> alerts = waitFor(() -> receiver.received()
				.stream()
				.map(r -> JSON.readTree(r.body()))
				.filter(body -> body.path("resource").path("ruleId").asLong() == ruleId)
				.toList(), list -> !list.isEmpty());
			assertThat(alerts).hasSize(1);
			assertThat(alerts.get(0).path("type").asString()).isEqualTo("alert.raised");
			assertThat(alerts.get(0).path("resource").path("level").asString()).isEqualTo("ORANGE");
			assertThat(alerts.get(0).path("resource").path("regionPath").asString())
				.startsWith(this.accounts.region(SHISHAN).path());
			assertThat(hook.id()).isPositive();
		}
	}

	@Test
	void aRepliedHotlineOrderIsDeliveredAsHotlineReplied() throws Exception {
		try (WebhookReceiver hotline = WebhookReceiver.answering()) {
			// the 12345 system is one API client: it enters the order with a bearer token
			// (scope hotline) and hears the reply by its webhook
			Response system = this.admin.post("/api/v1/open/clients",
					Map.of("name", "12345热线系统", "unit", "12345热线", "scopes", List.of("hotline"), "regionId",
							this.accounts.region(SHISHAN).id(), "rateLimitPerMinute", 600, "allowedIps", List.of()));
			assertThat(system.status()).as(system.body()).isEqualTo(201);
			Hook hook = webhook(system.json().path("id").asLong(), hotline.url(), List.of("hotline.replied"));
			MachineCalls machine = new MachineCalls(this.port);
			String token = machine.accessToken(system.json().path("clientId").asString(),
					system.json().path("clientSecret").asString(), "hotline");
			ApiClient center = this.accounts.demo(this.port, "center");
			String number = "WH" + System.nanoTime();
			Map<String, Object> point = this.jdbc
				.queryForMap("select center_lon, center_lat from region where code = ?", GRID_1);
			Map<String, Object> body = new java.util.HashMap<>(
					Map.of("orderNumber", number, "appealType", "HELP", "title", "推送测试：井盖松动", "content", "推送测试：人行道井盖松动",
							"address", "狮山推送测试地址", "callerName", "李女士", "callerPhone", "13812345678"));
			body.put("lon", point.get("center_lon"));
			body.put("lat", point.get("center_lat"));
			Response order = machine.postJson("/api/v1/hotline/orders", token, JSON.writeValueAsString(body));
			assertThat(order.status()).as(order.body()).isEqualTo(201);
			assertThat(machine.get("/api/v1/events", token).status()).as("no events scope").isEqualTo(403);
			long orderId = order.json().path("id").asLong();
			long eventId = order.json().path("eventId").asLong();
			ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
			if ("REPORTED".equals(center.get("/api/v1/events/" + eventId).json().path("status").asString())) {
				long cg = this.jdbc.queryForObject("select id from department where code = '320505006-CG'", Long.class);
				assertThat(center
					.post("/api/v1/events/" + eventId + "/dispatch", Map.of("targetUnitKind", "DEPARTMENT",
							"targetUnitId", cg, "assigneeId", this.accounts.id("dept_cg")))
					.status()).isEqualTo(200);
			}
			assertThat(deptCg.post("/api/v1/events/" + eventId + "/sign", Map.of()).status()).isEqualTo(200);
			assertThat(deptCg.post("/api/v1/events/" + eventId + "/resolve", Map.of("comment", "已紧固井盖")).status())
				.isEqualTo(200);
			// a machine's report is checked by the reporting grid's worker
			Response verified = this.accounts.demo(this.port, "worker1")
				.post("/api/v1/events/" + eventId + "/verify", Map.of("passed", true));
			assertThat(verified.status()).as(verified.body()).isEqualTo(200);

			List<WebhookReceiver.Received> heard = waitFor(
					() -> hotline.received().stream().filter(r -> r.body().contains(number)).toList(),
					list -> !list.isEmpty());
			WebhookReceiver.Received reply = heard.get(0);
			assertThat(reply.event()).isEqualTo("hotline.replied");
			Map<String, String> signature = WebhookReceiver.signatureParts(reply.signature());
			assertThat(signature.get("v1"))
				.isEqualTo(WebhookSender.sign(hook.secret(), signature.get("t") + "." + reply.body()));
			JsonNode resource = JSON.readTree(reply.body()).path("resource");
			assertThat(resource.path("orderId").asLong()).isEqualTo(orderId);
			assertThat(resource.path("orderNumber").asString()).isEqualTo(number);
			assertThat(resource.path("eventId").asLong()).isEqualTo(eventId);
			assertThat(resource.path("reply").asString()).isEqualTo("已紧固井盖");
			assertThat(reply.body()).doesNotContain("13812345678");
		}
	}

	@Test
	void aRedirectIsAFailureAndIsNotFollowed() throws Exception {
		try (WebhookReceiver moved = WebhookReceiver.answering(302)) {
			Hook hook = webhook(client("重定向测试", SHISHAN), moved.url(), List.of("event.reported"));
			long id = report("推送测试：重定向");
			long delivery = waitFor(() -> deliveryOf(hook, id), d -> d != null && attempts(d) == 1);
			Map<String, Object> row = this.jdbc.queryForMap(
					"select status, last_status, last_error from open_webhook_delivery where id = ?", delivery);
			assertThat(row).containsEntry("status", "PENDING").containsEntry("last_status", 302);
			assertThat((String) row.get("last_error")).startsWith("redirect not followed");
			assertThat(moved.received()).extracting(WebhookReceiver.Received::path).doesNotContain("/elsewhere");
		}
	}

	@Test
	void theAdminManagesWebhooksTheSecretShownOnceBadInputNamed() {
		long client = client("管理测试", SHISHAN);
		long before = this.jdbc.queryForObject("select count(*) from open_webhook", Long.class);
		Response bad = this.admin.post("/api/v1/open/clients/" + client + "/webhooks",
				Map.of("url", "http://example.org/hook", "eventTypes", List.of("event.deleted")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).contains("url", "eventTypes");
		assertThat(this.admin
			.post("/api/v1/open/clients/" + client + "/webhooks",
					Map.of("url", "ftp://127.0.0.1/x", "eventTypes", List.of("event.reported")))
			.errorFields()).containsExactly("url");
		assertThat(this.jdbc.queryForObject("select count(*) from open_webhook", Long.class)).isEqualTo(before);

		Hook hook = webhook(client, "https://hooks.example.org/govgrid", List.of("alert.raised", "record.approved"));
		assertThat(hook.secret()).startsWith("whsec_");
		Response list = this.admin.get("/api/v1/open/clients/" + client + "/webhooks");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).doesNotContain(hook.secret()).doesNotContain("\"secret\"");
		assertThat(this.jdbc.queryForObject("select secret_sealed from open_webhook where id = ?", String.class,
				hook.id()))
			.doesNotContain(hook.secret());

		Response disabled = this.admin.put("/api/v1/open/clients/" + client + "/webhooks/" + hook.id(), Map.of("url",
				"https://hooks.example.org/govgrid", "eventTypes", List.of("alert.raised"), "enabled", false));
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
		assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
		assertThat(disabled.json().path("eventTypes")).hasSize(1);

		ApiClient fengqiaoAdmin = this.accounts.signedIn(this.port, "SYS_ADMIN", FENGQIAO);
		assertThat(fengqiaoAdmin.get("/api/v1/open/clients/" + client + "/webhooks").status()).isEqualTo(404);
		assertThat(fengqiaoAdmin.delete("/api/v1/open/clients/" + client + "/webhooks/" + hook.id()).status())
			.isEqualTo(404);
		assertThat(this.admin.delete("/api/v1/open/clients/" + client + "/webhooks/" + hook.id()).status())
			.isEqualTo(204);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action like 'OPEN_WEBHOOK_%' and object_id = ?", Integer.class,
				Long.toString(hook.id())))
			.isEqualTo(3);
	}

	record Hook(long id, String secret) {
	}

	private long client(String name, String town) {
		Response created = this.admin.post("/api/v1/open/clients",
				Map.of("name", name, "unit", "推送测试单位", "scopes", List.of("events:read"), "regionId",
						this.accounts.region(town).id(), "rateLimitPerMinute", 600, "allowedIps", List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private Hook webhook(long client, String url, List<String> types) {
		Response created = this.admin.post("/api/v1/open/clients/" + client + "/webhooks",
				Map.of("url", url, "eventTypes", types));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Hook(created.json().path("id").asLong(), created.json().path("secret").asString());
	}

	private long report(String description) {
		Response created = this.accounts.demo(this.port, "worker1")
			.post("/api/v1/events", eventReport("QT-01", GRID_1, "GRID_WORKER", description, "狮山推送测试地址"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private Long deliveryOf(Hook hook, long eventId) {
		return this.jdbc.query("""
				select id from open_webhook_delivery where webhook_id = ? and (resource ->> 'id')::bigint = ?
				order by id limit 1""", (rs, n) -> rs.getLong(1), hook.id(), eventId).stream().findFirst().orElse(null);
	}

	private int attempts(long delivery) {
		return this.jdbc.queryForObject("select attempts from open_webhook_delivery where id = ?", Integer.class,
				delivery);
	}

	private String status(long delivery) {
		return this.jdbc.queryForObject("select status from open_webhook_delivery where id = ?", String.class,
				delivery);
	}

	/** Reads until {@code done} holds or 15 s pass (the worker polls every second). */
	private static <T> T waitFor(Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
		T value = read.get();
		for (int i = 0; i < 150 && !done.test(value); i++) {
			Thread.sleep(100);
			value = read.get();
		}
		assertThat(done.test(value)).as("condition met in time, last value " + value).isTrue();
		return value;
	}

}
