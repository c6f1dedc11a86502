package org.govgrid.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.govgrid.region.RegionSummary;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.EventStream;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications end to end on the running platform: sent through the public
 * {@link Notifications} bean inside a transaction, read and marked over HTTP, pushed over
 * server-sent events through PostgreSQL LISTEN/NOTIFY.
 */
class NotificationsIT extends ApiIntegrationTest {

	private static final String GRID = "320505006001001";

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Notifications notifications;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	NotificationListener listener;

	private TransactionTemplate tx;

	@BeforeEach
	void transactions() {
		this.tx = new TransactionTemplate(this.transactions);
	}

	@Test
	void aUserListsReadsAndMarksTheirNotifications() {
		ApiClient worker = signedIn();
		long me = userId(worker);
		send(List.of(me), new Notice(Notice.EVENT_ASSIGNED, "事件已派遣给您", "占道经营 · 狮山街道", "/events/11", "EVENT", 11L));
		send(List.of(me), new Notice(Notice.DEADLINE_YELLOW, "事件即将超时", null, "/events/12", "EVENT", 12L));
		send(List.of(me), new Notice(Notice.TASK_ASSIGNED, "新任务", "巡查河道", null, null, null));

		JsonNode page = worker.get("/api/v1/notifications").json();
		assertThat(page.path("total").asLong()).isEqualTo(3);
		assertThat(page.path("unread").asLong()).isEqualTo(3);
		assertThat(page.path("page").asInt()).isEqualTo(1);
		assertThat(page.path("size").asInt()).isEqualTo(20);
		List<String> kinds = page.path("items").valueStream().map(n -> n.path("kind").asString()).toList();
		assertThat(kinds).as("newest first").containsExactly("TASK_ASSIGNED", "DEADLINE_YELLOW", "EVENT_ASSIGNED");
		JsonNode assigned = page.path("items").get(2);
		assertThat(assigned.path("title").asString()).isEqualTo("事件已派遣给您");
		assertThat(assigned.path("body").asString()).isEqualTo("占道经营 · 狮山街道");
		assertThat(assigned.path("link").asString()).isEqualTo("/events/11");
		assertThat(assigned.path("subjectType").asString()).isEqualTo("EVENT");
		assertThat(assigned.path("subjectId").asLong()).isEqualTo(11);
		assertThat(assigned.path("createdAt").asString()).endsWith("Z");
		assertThat(assigned.path("readAt").isNull()).isTrue();
		assertThat(page.path("items").get(0).path("subjectId").isNull()).isTrue();

		long id = assigned.path("id").asLong();
		Response read = worker.post("/api/v1/notifications/" + id + "/read", null);
		assertThat(read.status()).as(read.body()).isEqualTo(200);
		String readAt = read.json().path("readAt").asString();
		assertThat(readAt).isNotBlank();
		// reading it again keeps the first time
		assertThat(worker.post("/api/v1/notifications/" + id + "/read", null).json().path("readAt").asString())
			.isEqualTo(readAt);

		JsonNode unread = worker.get("/api/v1/notifications?unread=true").json();
		assertThat(unread.path("total").asLong()).isEqualTo(2);
		assertThat(unread.path("unread").asLong()).isEqualTo(2);
		assertThat(unread.path("items").valueStream().map(n -> n.path("id").asLong())).doesNotContain(id);

		JsonNode paged = worker.get("/api/v1/notifications?page=2&size=2").json();
		assertThat(paged.path("total").asLong()).isEqualTo(3);
		assertThat(paged.path("items").size()).isEqualTo(1);
		assertThat(paged.path("items").get(0).path("id").asLong()).isEqualTo(id);

		Response all = worker.post("/api/v1/notifications/read-all", null);
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		assertThat(all.json().path("marked").asInt()).isEqualTo(2);
		JsonNode after = worker.get("/api/v1/notifications").json();
		assertThat(after.path("unread").asLong()).isZero();
		assertThat(after.path("total").asLong()).isEqualTo(3);
		assertThat(worker.get("/api/v1/notifications?unread=true").json().path("items")).isEmpty();
	}

	@Test
	void anotherUsersNotificationDoesNotExistForTheCaller() {
		ApiClient mine = signedIn();
		ApiClient theirs = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		long other = userId(theirs);
		send(List.of(other), new Notice(Notice.EVENT_SUPERVISED, "督办", "请尽快处置", "/events/5", "EVENT", 5L));
		long theirId = theirs.get("/api/v1/notifications").json().path("items").get(0).path("id").asLong();

		Response read = mine.post("/api/v1/notifications/" + theirId + "/read", null);
		assertThat(read.status()).isEqualTo(404);
		assertThat(read.problemType()).isEqualTo("https://govgrid.org/problems/not-found");
		assertThat(mine.post("/api/v1/notifications/987654321/read", null).status()).isEqualTo(404);
		assertThat(mine.get("/api/v1/notifications").json().path("total").asLong()).isZero();
		assertThat(mine.post("/api/v1/notifications/read-all", null).json().path("marked").asInt()).isZero();
		assertThat(theirs.get("/api/v1/notifications").json().path("items").get(0).path("readAt").isNull()).isTrue();
	}

	@Test
	void eachRecipientGetsOneRowAndTheNoticeIsKeptWithinTheColumns() {
		ApiClient a = signedIn();
		ApiClient b = signedIn();
		long first = userId(a);
		long second = userId(b);
		String longTitle = "超".repeat(250);
		send(List.of(first, second, first),
				new Notice(Notice.DEADLINE_RED, longTitle, "x".repeat(1200), null, null, null));

		JsonNode item = a.get("/api/v1/notifications").json().path("items").get(0);
		assertThat(a.get("/api/v1/notifications").json().path("total").asLong()).isEqualTo(1);
		assertThat(b.get("/api/v1/notifications").json().path("total").asLong()).isEqualTo(1);
		assertThat(item.path("title").asString()).hasSize(200).endsWith("…");
		assertThat(item.path("body").asString()).hasSize(1000);
		send(List.of(), new Notice(Notice.DEADLINE_RED, "nobody", null, null, null, null));
	}

	@Test
	void badPagingIsABadRequestNamingTheField() {
		ApiClient worker = signedIn();
		Response zero = worker.get("/api/v1/notifications?page=0&size=201");
		assertThat(zero.status()).isEqualTo(400);
		assertThat(zero.errorFields()).containsExactlyInAnyOrder("page", "size");
		assertThat(worker.get("/api/v1/notifications?unread=maybe").status()).isEqualTo(400);
	}

	@Test
	void anonymousIsUnauthenticated() {
		ApiClient anonymous = new ApiClient(this.port);
		assertThat(anonymous.get("/api/v1/notifications").status()).isEqualTo(401);
		assertThat(anonymous.post("/api/v1/notifications/read-all", null).status()).isEqualTo(401);
		try (EventStream stream = anonymous.stream("/api/v1/notifications/stream")) {
			assertThat(stream.status()).isEqualTo(401);
			assertThat(stream.response().problemType()).isEqualTo("https://govgrid.org/problems/unauthenticated");
		}
	}

	@Test
	void theStreamPushesANotificationSentAfterItConnected() throws Exception {
		ApiClient worker = signedIn();
		ApiClient other = signedIn();
		long me = userId(worker);
		try (EventStream stream = worker.stream("/api/v1/notifications/stream");
				EventStream theirs = other.stream("/api/v1/notifications/stream")) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.response().contentType()).startsWith("text/event-stream");
			assertThat(stream.nextLine(WAIT)).as("the stream opens with a retry and a comment").isNotNull();
			awaitListening();

			send(List.of(me), new Notice(Notice.EVENT_RETURNED, "事件被退回", "材料不全", "/events/7", "EVENT", 7L));

			String data = stream.nextEvent("notification", WAIT);
			assertThat(data).as("notification event").isNotNull();
			JsonNode item = JSON.readTree(data);
			assertThat(item.path("kind").asString()).isEqualTo("EVENT_RETURNED");
			assertThat(item.path("title").asString()).isEqualTo("事件被退回");
			assertThat(item.path("link").asString()).isEqualTo("/events/7");
			assertThat(item.path("subjectId").asLong()).isEqualTo(7);
			assertThat(item.path("readAt").isNull()).isTrue();
			assertThat(item.path("id").asLong())
				.isEqualTo(worker.get("/api/v1/notifications").json().path("items").get(0).path("id").asLong());
			assertThat(theirs.nextEvent("notification", Duration.ofSeconds(2))).as("not pushed to others").isNull();
		}
	}

	@Test
	void aRolledBackTransactionLeavesNoRowAndPushesNothing() throws Exception {
		ApiClient worker = signedIn();
		long me = userId(worker);
		try (EventStream stream = worker.stream("/api/v1/notifications/stream")) {
			assertThat(stream.status()).isEqualTo(200);
			awaitListening();

			this.tx.executeWithoutResult(status -> {
				this.notifications.send(List.of(me),
						new Notice(Notice.EVENT_ASSIGNED, "回滚的通知", null, null, null, null));
				status.setRollbackOnly();
			});
			send(List.of(me), new Notice(Notice.EVENT_ASSIGNED, "提交的通知", null, null, null, null));

			String first = stream.nextEvent("notification", WAIT);
			assertThat(first).isNotNull();
			assertThat(JSON.readTree(first).path("title").asString()).as("the rolled-back one never arrives")
				.isEqualTo("提交的通知");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from notification where user_id = ?", Long.class, me))
			.isEqualTo(1);
	}

	@Test
	void aLargeFanOutIsSplitIntoSeveralNotifies() throws Exception {
		ApiClient worker = signedIn();
		long me = userId(worker);
		RegionSummary town = this.accounts.region("320505006");
		List<Long> recipients = new ArrayList<>(this.jdbc.queryForList("""
				insert into app_user (username, display_name, scope_region_id, scope_path, password_hash)
				select 'nt_bulk_' || g, '批量用户' || g, ?, ?, '{noop}unused' from generate_series(1, 700) g
				returning id""", Long.class, town.id(), town.path()));
		recipients.add(me);
		try (EventStream stream = worker.stream("/api/v1/notifications/stream")) {
			awaitListening();
			send(recipients, new Notice(Notice.DEADLINE_RED, "全员提醒", null, null, null, null));
			assertThat(stream.nextEvent("notification", WAIT)).as("the last recipient's notify").contains("全员提醒");
		}
		finally {
			this.jdbc.update("delete from notification where user_id = any(?)",
					(Object) recipients.toArray(Long[]::new));
			this.jdbc.update("delete from app_user where username like 'nt_bulk_%'");
		}
	}

	@Test
	void theStreamSendsHeartbeatsAndEndsWithTheSession() throws Exception {
		ApiClient worker = signedIn();
		try (EventStream stream = worker.stream("/api/v1/notifications/stream")) {
			assertThat(stream.status()).isEqualTo(200);
			boolean heartbeat = false;
			for (int i = 0; i < 10 && !heartbeat; i++) {
				String line = stream.nextLine(WAIT);
				heartbeat = line != null && line.startsWith(":heartbeat");
			}
			assertThat(heartbeat).as("a heartbeat comment").isTrue();

			assertThat(worker.post("/api/v1/auth/logout", null).status()).isIn(200, 204);
			assertThat(stream.endsWithin(WAIT)).as("the stream ends with the session").isTrue();
		}
	}

	private ApiClient signedIn() {
		return this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
	}

	private static long userId(ApiClient client) {
		return client.get("/api/v1/auth/me").json().path("id").asLong();
	}

	private void send(List<Long> userIds, Notice notice) {
		this.tx.executeWithoutResult(status -> this.notifications.send(userIds, notice));
	}

	/** The listener connects when the platform starts; a test must not race it. */
	private void awaitListening() throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!this.listener.isListening() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.listener.isListening()).isTrue();
	}

}
