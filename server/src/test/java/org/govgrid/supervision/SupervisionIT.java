package org.govgrid.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 督办 (issue 17 item 6): a leader supervises an event and a supervision item exists, held
 * to the event's unit; the unit responds, the leader reminds and closes; an overdue item
 * tells the unit and the leader once; bad input names its fields; other towns see 404.
 */
class SupervisionIT extends ApiIntegrationTest {

	static final String GRID_1 = "320505006001001";

	@Autowired
	TestClock clock;

	@Autowired
	OverdueSupervisionJob job;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void aLeaderSupervisesAnEventTheUnitRespondsTheLeaderRemindsAndCloses() {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		long eventId = reportedToCityManagement("路灯不亮（督办）");
		JsonNode event = leader.get("/api/v1/events/" + eventId).json();

		Response supervised = leader.post("/api/v1/events/" + eventId + "/supervise",
				Map.of("comment", "请两日内修复", "level", "KEY"));
		assertThat(supervised.status()).as(supervised.body()).isEqualTo(200);
		JsonNode item = onlyItemOf(leader, eventId);
		assertThat(item.path("level").asString()).isEqualTo("KEY");
		assertThat(item.path("state").asString()).isEqualTo("OPEN");
		assertThat(item.path("unitKind").asString()).isEqualTo("DEPARTMENT");
		assertThat(item.path("unitId").asLong()).isEqualTo(event.path("currentUnit").path("id").asLong());
		assertThat(item.path("unitName").asString()).isNotBlank();
		assertThat(item.path("eventCode").asString()).isEqualTo(event.path("code").asString());
		assertThat(item.path("eventStatus").asString()).isEqualTo("DISPATCHED");
		assertThat(item.path("supervisorId").asLong()).isEqualTo(this.accounts.id("leader"));
		assertThat(Instant.parse(item.path("deadline").asString())).as("without a deadline of its own: the event's")
			.isEqualTo(Instant.parse(event.path("deadline").asString()));
		long id = item.path("id").asLong();

		// the unit held to it sees it and answers
		assertThat(onlyItemOf(deptCg, eventId).path("id").asLong()).isEqualTo(id);
		JsonNode detail = deptCg.get("/api/v1/supervision/items/" + id).json();
		assertThat(detail.path("allowedActions")).extracting(JsonNode::asString).containsExactly("respond");
		Response answered = deptCg.post("/api/v1/supervision/items/" + id + "/respond",
				Map.of("content", "已安排维修班组，明日完成"));
		assertThat(answered.status()).as(answered.body()).isEqualTo(200);
		assertThat(answered.json().path("item").path("state").asString()).isEqualTo("ANSWERED");
		assertThat(answered.json().path("responses").get(0).path("content").asString()).isEqualTo("已安排维修班组，明日完成");
		assertThat(notices(id)).containsExactly("leader SUPERVISION_ANSWERED");

		Response reminded = leader.post("/api/v1/supervision/items/" + id + "/remind", Map.of("comment", "请加快进度"));
		assertThat(reminded.status()).as(reminded.body()).isEqualTo(200);
		assertThat(reminded.json().path("reminders").get(0).path("comment").asString()).isEqualTo("请加快进度");
		assertThat(notices(id)).contains("dept_cg SUPERVISION_REMINDED");
		assertThat(deptCg.post("/api/v1/supervision/items/" + id + "/remind", Map.of()).status())
			.as("a department does not remind")
			.isEqualTo(403);

		Response closed = leader.post("/api/v1/supervision/items/" + id + "/close", Map.of("comment", "已修复"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(closed.json().path("item").path("state").asString()).isEqualTo("CLOSED");
		assertThat(closed.json().path("closeComment").asString()).isEqualTo("已修复");
		assertThat(closed.json().path("allowedActions")).isEmpty();
		Response again = deptCg.post("/api/v1/supervision/items/" + id + "/respond", Map.of("content", "补充"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.problemType()).isEqualTo("https://govgrid.org/problems/illegal-transition");
		assertThat(again.json().path("title").asString()).isEqualTo("不允许的督办操作 / Illegal transition");
		assertThat(again.json().path("action").asString()).isEqualTo("respond");
		assertThat(again.json().path("state").asString()).isEqualTo("CLOSED");

		JsonNode tally = leader.get("/api/v1/supervision/tally").json();
		assertThat(
				tally.valueStream()
					.filter(row -> row.path("unitKind").asString().equals("DEPARTMENT")
							&& row.path("unitId").asLong() == item.path("unitId").asLong()))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.path("closed").asLong()).isPositive();
				assertThat(row.path("total").asLong()).isGreaterThanOrEqualTo(row.path("closed").asLong());
				assertThat(row.path("onTimeRate").isNumber()).isTrue();
			});
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where object_type = 'supervision' and object_id = ?", Long.class,
				Long.toString(id)))
			.isEqualTo(3);
	}

	@Test
	void theCentreSupervisesFromTheSupervisionPageWithTheSameResult() {
		ApiClient center = this.accounts.demo(this.port, "center");
		long eventId = reportedToCityManagement("占道经营（挂牌督办）");
		Instant deadline = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		Response created = center.post("/api/v1/supervision/items",
				Map.of("eventId", eventId, "level", "LISTED", "deadline", deadline.toString(), "comment", "挂牌督办"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode item = created.json().path("item");
		assertThat(item.path("level").asString()).isEqualTo("LISTED");
		assertThat(Instant.parse(item.path("deadline").asString())).isEqualTo(deadline);
		assertThat(created.header("Location")).endsWith("/api/v1/supervision/items/" + item.path("id").asLong());
		assertThat(onlyItemOf(center, eventId).path("id").asLong()).isEqualTo(item.path("id").asLong());
		assertThat(center.get("/api/v1/events/" + eventId).json().path("supervisions").asInt()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from event_flow where event_id = ? and action = 'supervise'", Long.class, eventId))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from notification where subject_type = 'event' and subject_id = ? and kind = 'EVENT_SUPERVISED'",
				Long.class, eventId))
			.as("the unit is told as for any 督办")
			.isPositive();
	}

	@Test
	void badInputNamesEveryFieldAndWritesNothing() {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		long eventId = reportedToCityManagement("井盖松动（校验）");
		Response bad = leader.post("/api/v1/events/" + eventId + "/supervise",
				Map.of("level", "URGENT", "deadline", Instant.now().minusSeconds(60).toString()));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("comment", "level", "deadline");
		Response direct = leader.post("/api/v1/supervision/items", Map.of("level", "URGENT"));
		assertThat(direct.status()).isEqualTo(400);
		assertThat(direct.errorFields()).containsExactlyInAnyOrder("eventId", "comment", "level");
		assertThat(
				leader.post("/api/v1/supervision/items", Map.of("eventId", 987654321L, "comment", "x")).errorFields())
			.containsExactly("eventId");
		assertThat(this.jdbc.queryForObject("select count(*) from supervision_item where event_id = ?", Long.class,
				eventId))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from event_flow where event_id = ? and action = 'supervise'", Long.class, eventId))
			.isZero();

		leader.post("/api/v1/events/" + eventId + "/supervise", Map.of("comment", "请处理"));
		long id = onlyItemOf(leader, eventId).path("id").asLong();
		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		Response blank = deptCg.post("/api/v1/supervision/items/" + id + "/respond",
				Map.of("content", " ", "fileIds", List.of(987654321L)));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.errorFields()).containsExactlyInAnyOrder("content", "fileIds[0]");
		assertThat(
				this.jdbc.queryForObject("select count(*) from supervision_response where item_id = ?", Long.class, id))
			.isZero();
		assertThat(leader.get("/api/v1/supervision/items?state=LATE&level=HIGH").errorFields())
			.containsExactlyInAnyOrder("state", "level");
	}

	@Test
	void anotherTownSeesNothing() {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		long eventId = reportedToCityManagement("噪声扰民（范围）");
		leader.post("/api/v1/events/" + eventId + "/supervise", Map.of("comment", "请处理"));
		long id = onlyItemOf(leader, eventId).path("id").asLong();
		ApiClient otherLeader = this.accounts.signedIn(this.port, "TOWN_LEADER", "320505007");
		ApiClient otherCentre = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		assertThat(otherLeader.get("/api/v1/supervision/items/" + id).status()).isEqualTo(404);
		assertThat(otherLeader.get("/api/v1/supervision/items?eventId=" + eventId).json().path("total").asLong())
			.isZero();
		assertThat(otherLeader.post("/api/v1/supervision/items/" + id + "/close", Map.of()).status()).isEqualTo(404);
		assertThat(otherCentre.post("/api/v1/supervision/items/" + id + "/respond", Map.of("content", "x")).status())
			.isEqualTo(404);
		assertThat(
				otherCentre.post("/api/v1/supervision/items", Map.of("eventId", eventId, "comment", "x")).errorFields())
			.containsExactly("eventId");
		long town = this.accounts.region("320505006").id();
		assertThat(otherLeader.get("/api/v1/supervision/tally?regionId=" + town).status()).isEqualTo(404);
		assertThat(this.accounts.demo(this.port, "worker3").get("/api/v1/supervision/items/" + id).status())
			.as("grid workers have no supervision permission")
			.isEqualTo(403);
	}

	@Test
	void anOverdueItemTellsTheUnitAndTheLeaderOnce() {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		long eventId = reportedToCityManagement("垃圾满溢（超期）");
		leader.post("/api/v1/events/" + eventId + "/supervise",
				Map.of("comment", "一小时内处理", "deadline", Instant.now().plus(Duration.ofHours(1)).toString()));
		long id = onlyItemOf(leader, eventId).path("id").asLong();
		this.job.run();
		assertThat(notices(id)).as("not yet due").isEmpty();

		this.clock.advance(Duration.ofHours(2));
		this.job.run();
		this.job.run();
		assertThat(notices(id)).containsExactlyInAnyOrder("dept_cg SUPERVISION_OVERDUE", "leader SUPERVISION_OVERDUE");
		JsonNode overdue = leader.get("/api/v1/supervision/items?state=OVERDUE&eventId=" + eventId).json();
		assertThat(overdue.path("total").asLong()).isEqualTo(1);
		assertThat(overdue.path("items").get(0).path("overdue").asBoolean()).isTrue();
		this.clock.advance(Duration.ofHours(5));
		this.job.run();
		assertThat(notices(id)).as("once per item").hasSize(2);
	}

	/** A city-management report in grid 1, dispatched to 城管 by the demo rule. */
	private long reportedToCityManagement(String description) {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response created = worker1.post("/api/v1/events",
				eventReport("CSGL-03", GRID_1, "GRID_WORKER", description, "狮山路8号"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static JsonNode onlyItemOf(ApiClient client, long eventId) {
		JsonNode page = client.get("/api/v1/supervision/items?eventId=" + eventId).json();
		assertThat(page.path("total").asLong()).as(page.toString()).isEqualTo(1);
		return page.path("items").get(0);
	}

	private List<String> notices(long itemId) {
		return this.jdbc.queryForList("""
				select u.username || ' ' || n.kind from notification n join app_user u on u.id = n.user_id
				where n.subject_type = 'supervision' and n.subject_id = ? order by n.id""", String.class, itemId);
	}

}
