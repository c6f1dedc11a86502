package org.govgrid.hotline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 12345 work orders over real HTTP: intake idempotent on the order number, the
 * working-day deadline over the 2026 calendar, extensions, the reply on close and the
 * return call reopening the event, the sealed caller phone, validation and scope.
 */
class HotlineIT extends ApiIntegrationTest {

	private static final String TOWN = "320505006";

	private static final String GRID = "320505006001001";

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	ApplicationEventMulticaster multicaster;

	/** Every HotlineReplied published, and whether a transaction was open then. */
	private final List<Object[]> replied = new CopyOnWriteArrayList<>();

	private final ApplicationListener<ApplicationEvent> listener = event -> {
		if (event instanceof PayloadApplicationEvent<?> payload
				&& payload.getPayload() instanceof HotlineReplied reply) {
			this.replied.add(new Object[] { reply, TransactionSynchronizationManager.isActualTransactionActive() });
		}
	};

	@BeforeEach
	void listen() {
		this.context.addApplicationListener(this.listener);
	}

	@AfterEach
	void stopListening() {
		this.multicaster.removeApplicationListener(this.listener);
	}

	static String number() {
		return "12345-" + System.nanoTime();
	}

	private Map<String, Object> order(String number) {
		double[] point = center(GRID);
		Map<String, Object> body = new HashMap<>();
		body.put("orderNumber", number);
		body.put("appealType", "COMPLAINT");
		body.put("title", "小区路灯不亮");
		body.put("content", "枫津社区3栋门前路灯连续一周不亮，夜间出行不便。");
		body.put("callerName", "王先生");
		body.put("callerPhone", "13812345678");
		body.put("address", "枫津社区3栋");
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		return body;
	}

	private JsonNode created(ApiClient center, Map<String, Object> body) {
		Response response = center.post("/api/v1/hotline/orders", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private long department(String code) {
		return this.jdbc.queryForObject("select id from department where code = ?", Long.class, code);
	}

	/** Dispatch to 城管, sign, resolve with {@code result}, verify: closed. */
	private void closeEvent(ApiClient center, long eventId, String result) {
		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		String status = center.get("/api/v1/events/" + eventId).json().path("status").asString();
		if ("REPORTED".equals(status)) {
			Response dispatched = center.post("/api/v1/events/" + eventId + "/dispatch",
					Map.of("targetUnitKind", "DEPARTMENT", "targetUnitId", department("320505006-CG"), "assigneeId",
							this.accounts.id("dept_cg")));
			assertThat(dispatched.status()).as(dispatched.body()).isEqualTo(200);
			status = "DISPATCHED";
		}
		if ("DISPATCHED".equals(status)) {
			assertThat(deptCg.post("/api/v1/events/" + eventId + "/sign", Map.of()).status()).isEqualTo(200);
		}
		Response resolved = deptCg.post("/api/v1/events/" + eventId + "/resolve", Map.of("comment", result));
		assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
		Response verified = center.post("/api/v1/events/" + eventId + "/verify", Map.of("passed", true));
		assertThat(verified.status()).as(verified.body()).isEqualTo(200);
		assertThat(verified.json().path("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void anOrderIsTakenInOnceAndBecomesAHotlineEvent() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String number = number();
		JsonNode order = created(center, order(number));
		assertThat(order.path("status").asString()).isEqualTo("OPEN");
		assertThat(order.path("appealTypeName").asString()).isEqualTo("投诉");
		long eventId = order.path("eventId").asLong();
		JsonNode event = center.get("/api/v1/events/" + eventId).json();
		assertThat(event.path("source").asString()).isEqualTo("HOTLINE_12345");
		assertThat(event.path("title").asString()).contains("小区路灯不亮");

		Response again = center.post("/api/v1/hotline/orders", order(number));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().path("id").asLong()).isEqualTo(order.path("id").asLong());
		assertThat(this.jdbc.queryForObject("select count(*) from hotline_order where order_number = ?", Integer.class,
				number))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from event where idempotency_key = ?", Integer.class,
				"hotline-" + number))
			.isEqualTo(1);

		JsonNode byEvent = center.get("/api/v1/hotline/orders?eventId=" + eventId).json();
		assertThat(byEvent.path("total").asLong()).isEqualTo(1);
		assertThat(byEvent.path("items").get(0).path("orderNumber").asString()).isEqualTo(number);
		assertThat(center.get("/api/v1/hotline/orders?keyword=" + number + "&appealType=HELP")
			.json()
			.path("total")
			.asLong()).isZero();
		assertThat(center.get("/api/v1/hotline/orders?keyword=" + number + "&status=OPEN&overdue=false")
			.json()
			.path("total")
			.asLong()).isEqualTo(1);
	}

	@Test
	void anOrderWithoutPointOrCategoryWaitsInTheTownCentresQueue() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Map<String, Object> body = order(number());
		body.remove("lon");
		body.remove("lat");
		JsonNode order = created(center, body);
		JsonNode event = center.get("/api/v1/events/" + order.path("eventId").asLong()).json();
		assertThat(event.path("status").asString()).isEqualTo("REPORTED");
		assertThat(event.path("currentUnit").path("kind").asString()).isEqualTo("TOWN_CENTRE");
		assertThat(event.path("categoryCode").asString()).isEqualTo("QT-01");
	}

	@Test
	void theDeadlineCountsWorkingDaysAcrossNationalDay() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Map<String, Object> body = order(number());
		// Wed 30 Sep 2026: 1–7 Oct off, Sat 10 Oct worked → Thu 8, Fri 9, Sat 10, Mon 12,
		// Tue 13
		body.put("receivedAt", "2026-09-30T10:00:00+08:00");
		body.put("timeLimitDays", 5);
		JsonNode order = created(center, body);
		assertThat(order.path("deadline").asString()).isEqualTo("2026-10-13");
		assertThat(order.path("deadlineAt").asString()).isEqualTo("2026-10-13T16:00:00Z");
		assertThat(order.path("overdue").asBoolean()).as("still open after 13 Oct").isTrue();
		assertThat(center.get("/api/v1/hotline/orders?overdue=true&keyword=" + order.path("orderNumber").asString())
			.json()
			.path("total")
			.asLong()).isEqualTo(1);
		assertThat(center
			.get("/api/v1/hotline/orders?from=2026-09-30&to=2026-09-30&keyword=" + order.path("orderNumber").asString())
			.json()
			.path("total")
			.asLong()).isEqualTo(1);
		assertThat(center.get("/api/v1/hotline/orders?from=2026-10-01&keyword=" + order.path("orderNumber").asString())
			.json()
			.path("total")
			.asLong()).isZero();
	}

	@Test
	void anApprovedExtensionMovesTheDeadlineByWorkingDaysARefusedOneDoesNot() {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		Map<String, Object> body = order(number());
		body.put("receivedAt", "2026-09-30T10:00:00+08:00");
		long id = created(center, body).path("id").asLong();

		Response bad = deptCg.post("/api/v1/hotline/orders/" + id + "/extensions", Map.of("days", 0, "reason", " "));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("days", "reason");
		Response asked = deptCg.post("/api/v1/hotline/orders/" + id + "/extensions",
				Map.of("days", 3, "reason", "需协调供电公司更换线路"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		assertThat(asked.json().path("status").asString()).isEqualTo("PENDING");
		assertThat(deptCg.post("/api/v1/hotline/orders/" + id + "/extensions", Map.of("days", 1, "reason", "再延一天"))
			.status()).as("one pending request at a time").isEqualTo(409);
		assertThat(deptCg.post("/api/v1/hotline/extensions/" + asked.json().path("id").asLong() + "/approve", Map.of())
			.status()).as("handlers do not approve").isEqualTo(403);

		Response approved = center.post("/api/v1/hotline/extensions/" + asked.json().path("id").asLong() + "/approve",
				Map.of("note", "同意"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
		// Tue 13 Oct + 3 working days: Wed 14, Thu 15, Fri 16
		assertThat(approved.json().path("deadlineAfter").asString()).isEqualTo("2026-10-16");
		assertThat(center.get("/api/v1/hotline/orders/" + id).json().path("deadline").asString())
			.isEqualTo("2026-10-16");
		assertThat(center
			.post("/api/v1/hotline/extensions/" + asked.json().path("id").asLong() + "/refuse", Map.of("note", "晚了"))
			.status()).as("decided once").isEqualTo(409);

		long second = deptCg.post("/api/v1/hotline/orders/" + id + "/extensions", Map.of("days", 5, "reason", "仍需协调"))
			.json()
			.path("id")
			.asLong();
		Response noReason = center.post("/api/v1/hotline/extensions/" + second + "/refuse", Map.of());
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.errorFields()).containsExactly("note");
		Response refused = center.post("/api/v1/hotline/extensions/" + second + "/refuse", Map.of("note", "时限内可以完成"));
		assertThat(refused.json().path("status").asString()).as(refused.body()).isEqualTo("REFUSED");
		JsonNode order = center.get("/api/v1/hotline/orders/" + id).json();
		assertThat(order.path("deadline").asString()).isEqualTo("2026-10-16");
		assertThat(order.path("extensions")).hasSize(2);
		assertThat(order.path("pendingExtensions").asInt()).isZero();
	}

	@Test
	void theClosingEventRepliesAndPublishesHotlineRepliedAnUnsatisfiedCallReopensIt() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Map<String, Object> body = order(number());
		body.remove("lon");
		body.remove("lat");
		JsonNode order = created(center, body);
		long id = order.path("id").asLong();
		long eventId = order.path("eventId").asLong();
		Response early = center.post("/api/v1/hotline/orders/" + id + "/return-visit",
				Map.of("satisfaction", "SATISFIED"));
		assertThat(early.status()).as("no return call before the reply").isEqualTo(409);

		closeEvent(center, eventId, "已更换路灯灯泡");
		JsonNode replied = center.get("/api/v1/hotline/orders/" + id).json();
		assertThat(replied.path("status").asString()).isEqualTo("REPLIED");
		assertThat(replied.path("reply").asString()).isEqualTo("已更换路灯灯泡");
		assertThat(this.replied).anySatisfy(entry -> {
			HotlineReplied reply = (HotlineReplied) entry[0];
			assertThat(reply.orderId()).isEqualTo(id);
			assertThat(reply.orderNumber()).isEqualTo(order.path("orderNumber").asString());
			assertThat(reply.eventId()).isEqualTo(eventId);
			assertThat(reply.reply()).isEqualTo("已更换路灯灯泡");
			assertThat((Boolean) entry[1]).as("published inside the closing transaction").isTrue();
		});

		Response noReason = center.post("/api/v1/hotline/orders/" + id + "/return-visit",
				Map.of("satisfaction", "UNSATISFIED"));
		assertThat(noReason.status()).isEqualTo(400);
		assertThat(noReason.errorFields()).containsExactly("note");
		Response unsatisfied = center.post("/api/v1/hotline/orders/" + id + "/return-visit",
				Map.of("satisfaction", "UNSATISFIED", "note", "灯泡换了但仍然闪烁"));
		assertThat(unsatisfied.status()).as(unsatisfied.body()).isEqualTo(200);
		assertThat(unsatisfied.json().path("status").asString()).isEqualTo("REOPENED");
		assertThat(unsatisfied.json().path("satisfactionName").asString()).isEqualTo("不满意");
		JsonNode event = center.get("/api/v1/events/" + eventId).json();
		assertThat(event.path("status").asString()).as("back in work").isEqualTo("IN_PROGRESS");
		assertThat(this.jdbc.queryForObject("select action from event_flow where event_id = ? order by id desc limit 1",
				String.class, eventId))
			.isEqualTo("reopen");

		closeEvent(center, eventId, "更换整套灯具");
		assertThat(center.get("/api/v1/hotline/orders/" + id).json().path("reply").asString()).isEqualTo("更换整套灯具");
		Response satisfied = center.post("/api/v1/hotline/orders/" + id + "/return-visit",
				Map.of("satisfaction", "SATISFIED", "note", "已正常"));
		assertThat(satisfied.json().path("status").asString()).isEqualTo("RETURN_VISITED");
		assertThat(satisfied.json().path("reopenCount").asInt()).isEqualTo(1);
		assertThat(this.replied.stream().filter(e -> ((HotlineReplied) e[0]).orderId() == id)).hasSize(2);
	}

	@Test
	void theCallersPhoneIsSealedAtRestAndMaskedInAnswers() {
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode order = created(center, order(number()));
		assertThat(order.path("callerPhone").asString()).isEqualTo("138****5678");
		assertThat(order.toString()).doesNotContain("13812345678");
		long id = order.path("id").asLong();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from hotline_order o where o.id = ? and row_to_json(o)::text like '%13812345678%'",
				Integer.class, id))
			.isZero();
		assertThat(this.jdbc.queryForObject("select caller_phone_cipher is not null from hotline_order where id = ?",
				Boolean.class, id))
			.isTrue();
		assertThat(center.get("/api/v1/hotline/orders?keyword=" + order.path("orderNumber").asString()).body())
			.doesNotContain("13812345678");
	}

	@Test
	void badInputNamesEveryFieldAndWritesNothing() {
		ApiClient center = this.accounts.demo(this.port, "center");
		int orders = this.jdbc.queryForObject("select count(*) from hotline_order", Integer.class);
		int events = this.jdbc.queryForObject("select count(*) from event", Integer.class);
		Map<String, Object> bad = new HashMap<>();
		bad.put("orderNumber", "no spaces allowed");
		bad.put("appealType", "PRAISE");
		bad.put("title", " ");
		bad.put("callerPhone", "call me");
		bad.put("categoryCode", "NOPE-99");
		bad.put("lon", 200);
		bad.put("receivedAt", "2099-01-01T00:00:00Z");
		bad.put("timeLimitDays", 0);
		Response response = center.post("/api/v1/hotline/orders", bad);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("orderNumber", "appealType", "title", "content",
				"address", "callerPhone", "categoryCode", "lon", "lat", "receivedAt", "timeLimitDays");
		assertThat(this.jdbc.queryForObject("select count(*) from hotline_order", Integer.class)).isEqualTo(orders);
		assertThat(this.jdbc.queryForObject("select count(*) from event", Integer.class)).isEqualTo(events);
		Response badVisit = center.post("/api/v1/hotline/orders/987654321/return-visit", Map.of());
		assertThat(badVisit.status()).isEqualTo(404);
		Response badList = center.get("/api/v1/hotline/orders?status=LOST&appealType=X");
		assertThat(badList.errorFields()).containsExactlyInAnyOrder("status", "appealType");
	}

	@Test
	void anOrderOfAnotherTownIsNotFound() {
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode order = created(center, order(number()));
		ApiClient otherCentre = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		long id = order.path("id").asLong();
		Response get = otherCentre.get("/api/v1/hotline/orders/" + id);
		assertThat(get.status()).isEqualTo(404);
		assertThat(get.problemType()).isEqualTo("https://govgrid.org/problems/not-found");
		assertThat(otherCentre.get("/api/v1/hotline/orders?keyword=" + order.path("orderNumber").asString())
			.json()
			.path("total")
			.asLong()).isZero();
		assertThat(
				otherCentre.post("/api/v1/hotline/orders/" + id + "/return-visit", Map.of("satisfaction", "SATISFIED"))
					.status())
			.isEqualTo(404);
		Map<String, Object> inOtherTown = order(number());
		Response outside = otherCentre.post("/api/v1/hotline/orders", inOtherTown);
		assertThat(outside.status()).as("a point outside the caller's town").isEqualTo(400);
		assertThat(outside.errorFields()).containsExactly("lon");
	}

	@Test
	void theCalendarIsSeededWithThe2026NoticeAndEditedByTheAdmin() {
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode year = center.get("/api/v1/hotline/calendar?year=2026").json();
		assertThat(year).hasSize(365);
		JsonNode nationalDay = year.get(java.time.LocalDate.of(2026, 10, 1).getDayOfYear() - 1);
		assertThat(nationalDay.path("working").asBoolean()).isFalse();
		assertThat(nationalDay.path("name").asString()).isEqualTo("国庆节");
		assertThat(year.get(java.time.LocalDate.of(2026, 10, 10).getDayOfYear() - 1).path("working").asBoolean())
			.as("调休 Saturday")
			.isTrue();
		assertThat(center.put("/api/v1/hotline/calendar/2027-01-01", Map.of("kind", "HOLIDAY")).status())
			.isEqualTo(403);
		ApiClient admin = this.accounts.demo(this.port, "admin");
		Response bad = admin.put("/api/v1/hotline/calendar/2027-13-01", Map.of("kind", "SOMETIMES"));
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("date", "kind");
		Response set = admin.put("/api/v1/hotline/calendar/2027-01-01", Map.of("kind", "HOLIDAY", "name", "元旦"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(set.json().path("working").asBoolean()).isFalse();
		Response back = admin.put("/api/v1/hotline/calendar/2027-01-01", Map.of("kind", "WORKDAY"));
		assertThat(back.json().path("kind").isNull()).as("a weekday set to working is the default again").isTrue();
		assertThat(this.jdbc.queryForObject("select count(*) from hotline_calendar where day = '2027-01-01'",
				Integer.class))
			.isZero();
	}

}
