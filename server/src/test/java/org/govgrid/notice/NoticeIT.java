package org.govgrid.notice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices over real HTTP with the demo town: 狮山街道's centre publishes to 狮山社区 (worker1 and
 * worker2 work in its first two grids, worker3 in the other town), the inbox, read
 * receipts per region, sanitising, scope, validation and the status steps.
 */
class NoticeIT extends ApiIntegrationTest {

	private static final String TOWN = "320505006";

	private static final String COMMUNITY = "320505006001";

	private long region(String code) {
		return this.accounts.region(code).id();
	}

	private static Map<String, Object> notice(String title, String body, List<Long> regions, List<String> roles,
			boolean publish) {
		Map<String, Object> command = new HashMap<>();
		command.put("title", title);
		command.put("body", body);
		command.put("regionIds", regions);
		command.put("roleCodes", roles);
		command.put("fileIds", List.of());
		command.put("publish", publish);
		return command;
	}

	private static String unique(String title) {
		return title + System.nanoTime() % 1_000_000;
	}

	private static JsonNode find(JsonNode items, long id) {
		for (JsonNode item : items) {
			if (item.path("id").asLong() == id) {
				return item;
			}
		}
		return null;
	}

	private static JsonNode receiptOf(JsonNode receipts, String name) {
		for (JsonNode user : receipts.path("users")) {
			if (user.path("name").asString().equals(name)) {
				return user;
			}
		}
		return null;
	}

	@Test
	void aNoticeToTheCommunityIsReadByWorker1AndTheReceiptsShowWorker2HasNot() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String title = unique("狮山社区网格员通知");
		Response created = center.post("/api/v1/notices", notice(title, "<p>请<strong>周四</strong>到社区开会</p>",
				List.of(region(COMMUNITY)), List.of("GRID_WORKER"), true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(created.json().path("publishedAt").isNull()).isFalse();

		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long unreadBefore = worker1.get("/api/v1/notices/unread-count").json().path("count").asLong();
		assertThat(unreadBefore).isPositive();
		Response inbox = worker1.get("/api/v1/notices?box=inbox&unread=true&size=200");
		assertThat(inbox.status()).as(inbox.body()).isEqualTo(200);
		JsonNode mine = find(inbox.json().path("items"), id);
		assertThat(mine).as("in worker1's unread inbox").isNotNull();
		assertThat(mine.path("read").asBoolean()).isFalse();
		assertThat(this.jdbc.queryForObject("""
				select count(*) from notification
				where user_id = ? and kind = 'NOTICE_PUBLISHED' and subject_id = ? and link = ?""", Integer.class,
				this.accounts.id("worker1"), id, "/notices/" + id))
			.isEqualTo(1);

		Response detail = worker1.get("/api/v1/notices/" + id);
		assertThat(detail.status()).as(detail.body()).isEqualTo(200);
		assertThat(detail.json().path("read").asBoolean()).isFalse();
		assertThat(detail.json().path("manageable").asBoolean()).isFalse();
		assertThat(detail.json().path("recipientCount").isNull()).isTrue();
		assertThat(worker1.post("/api/v1/notices/" + id + "/read", Map.of()).status()).isEqualTo(204);
		String firstRead = worker1.get("/api/v1/notices/" + id).json().path("readAt").asString();
		assertThat(worker1.post("/api/v1/notices/" + id + "/read", Map.of()).status()).as("idempotent").isEqualTo(204);
		JsonNode reread = worker1.get("/api/v1/notices/" + id).json();
		assertThat(reread.path("read").asBoolean()).isTrue();
		assertThat(reread.path("readAt").asString()).isEqualTo(firstRead);
		assertThat(worker1.get("/api/v1/notices/unread-count").json().path("count").asLong())
			.isEqualTo(unreadBefore - 1);
		assertThat(this.jdbc.queryForObject("""
				select count(*) from notification
				where user_id = ? and subject_type = 'NOTICE' and subject_id = ? and read_at is not null""",
				Integer.class, this.accounts.id("worker1"), id))
			.as("the bell's notification is read with the notice")
			.isEqualTo(1);

		Response receipts = center.get("/api/v1/notices/" + id + "/receipts");
		assertThat(receipts.status()).as(receipts.body()).isEqualTo(200);
		JsonNode r = receipts.json();
		assertThat(receiptOf(r, "网格员一").path("read").asBoolean()).isTrue();
		assertThat(receiptOf(r, "网格员二").path("read").asBoolean()).isFalse();
		assertThat(receiptOf(r, "网格员二").path("regionName").asString()).isEqualTo("狮山社区第2网格");
		assertThat(receiptOf(r, "狮山社区网格长")).as("a grid chief is not a grid worker").isNull();
		assertThat(receiptOf(r, "网格员三")).as("worker3 works in the other town").isNull();
		assertThat(r.path("read").asInt()).isEqualTo(1);
		assertThat(r.path("total").asInt()).isEqualTo(r.path("read").asInt() + r.path("unread").asInt());
		List<String> regionNames = new ArrayList<>();
		r.path("byRegion").forEach(tally -> {
			regionNames.add(tally.path("name").asString());
			if (tally.path("name").asString().equals("狮山社区第1网格")) {
				assertThat(tally.path("read").asInt()).isEqualTo(1);
			}
		});
		assertThat(regionNames).contains("狮山社区第1网格", "狮山社区第2网格");
		// unread users come first, so the 未读 list is the head of the list
		assertThat(r.path("users").get(0).path("read").asBoolean()).isFalse();

		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		assertThat(worker3.get("/api/v1/notices/" + id).status()).isEqualTo(404);
		assertThat(worker3.post("/api/v1/notices/" + id + "/read", Map.of()).status()).isEqualTo(404);
		assertThat(find(worker3.get("/api/v1/notices?size=200").json().path("items"), id)).isNull();
		assertThat(worker1.get("/api/v1/notices/" + id + "/receipts").status()).as("recipients are no managers")
			.isEqualTo(403);
	}

	@Test
	void aTownNoticeReachesItsPeopleButNotTheTownStaffOrTheCityAdmin() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Response created = center.post("/api/v1/notices",
				notice(unique("全街道通知"), "<p>全体</p>", List.of(region(TOWN)), List.of(), true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		JsonNode receipts = center.get("/api/v1/notices/" + id + "/receipts").json();
		assertThat(receiptOf(receipts, "狮山社区网格长")).isNotNull();
		assertThat(receiptOf(receipts, "网格员一")).isNotNull();
		assertThat(receiptOf(receipts, "狮山街道负责人")).as("the town's leader, in the town itself").isNotNull();
		assertThat(receiptOf(receipts, "狮山街道指挥中心")).as("not its own author").isNull();
		assertThat(receiptOf(receipts, "系统管理员")).as("the city admin").isNull();
		assertThat(receiptOf(receipts, "网格员三")).isNull();
		// the leader manages the town's notices too: the managed box has it, with counts
		ApiClient leader = this.accounts.demo(this.port, "leader");
		JsonNode managed = find(leader.get("/api/v1/notices?box=managed&size=200").json().path("items"), id);
		assertThat(managed).isNotNull();
		assertThat(managed.path("recipientCount").asInt()).isEqualTo(receipts.path("total").asInt());
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.get("/api/v1/notices?box=managed").errorFields()).containsExactly("box");
	}

	@Test
	void theBodyIsSanitisedOnTheServer() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Response created = center.post("/api/v1/notices",
				notice(unique("净化测试"), "<p>会议<em>通知</em></p><script>alert('x')</script><img src=x onerror=alert(1)>",
						List.of(region(COMMUNITY)), List.of(), false));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String body = created.json().path("body").asString();
		assertThat(body).contains("<p>会议<em>通知</em></p>").doesNotContain("<script", "onerror", "alert");
		assertThat(this.jdbc.queryForObject("select body from notice where id = ?", String.class,
				created.json().path("id").asLong()))
			.isEqualTo(body);
		assertThat(created.json().path("status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void aManagerCannotTargetARegionOutsideTheirScope() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String title = unique("越界通知");
		Response response = center.post("/api/v1/notices",
				notice(title, "<p>越界</p>", List.of(region(COMMUNITY), region("320505007001")), List.of(), true));
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("regionIds");
		assertThat(this.jdbc.queryForObject("select count(*) from notice where title = ?", Integer.class, title))
			.isZero();
	}

	@Test
	void badInputNamesEveryFieldAndWritesNothing() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Map<String, Object> bad = notice("", "<script>only()</script>", List.of(), List.of("AUDITOR"), true);
		bad.put("fileIds", List.of(987654321L));
		Response response = center.post("/api/v1/notices", bad);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("title", "body", "regionIds", "roleCodes",
				"fileIds[0]");
		Response tooLong = center.post("/api/v1/notices",
				notice("长".repeat(101), "<p>x</p>", List.of(region(COMMUNITY)), List.of(), false));
		assertThat(tooLong.errorFields()).containsExactly("title");
		Response nobody = center.post("/api/v1/notices",
				notice(unique("无人接收"), "<p>x</p>", List.of(region(COMMUNITY + "004")), List.of("DEPT_HANDLER"), true));
		assertThat(nobody.status()).as(nobody.body()).isEqualTo(400);
		assertThat(nobody.errorFields()).containsExactlyInAnyOrder("regionIds", "roleCodes");
	}

	@Test
	void aDraftIsEditedPublishedAndWithdrawnAndEachStepIsGuarded() {
		ApiClient center = this.accounts.demo(this.port, "center");
		byte[] png = TestImages.png(40, 30);
		Response file = center.upload("/api/v1/files", "plan.png", png);
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		long fileId = file.json().path("id").asLong();
		Response draft = center.post("/api/v1/notices",
				notice(unique("草稿"), "<p>初稿</p>", List.of(region(COMMUNITY)), List.of(), false));
		long id = draft.json().path("id").asLong();
		Map<String, Object> edit = notice("改后的通知", "<p>定稿</p>", List.of(region(COMMUNITY + "001")), List.of(), false);
		edit.put("fileIds", List.of(fileId));
		Response edited = center.put("/api/v1/notices/" + id, edit);
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().path("title").asString()).isEqualTo("改后的通知");
		assertThat(edited.json().path("files").get(0).path("id").asLong()).isEqualTo(fileId);
		assertThat(edited.json().path("regions").get(0).path("name").asString()).isEqualTo("狮山社区第1网格");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.get("/api/v1/notices/" + id).status()).as("a draft reaches nobody").isEqualTo(404);

		Response published = center.post("/api/v1/notices/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		assertThat(worker1.get("/api/v1/notices/" + id).status()).isEqualTo(200);
		assertThat(worker1.download("/api/v1/files/" + fileId)).isEqualTo(png);
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		assertThat(worker2.get("/api/v1/notices/" + id).status()).as("another grid").isEqualTo(404);
		assertThat(worker2.get("/api/v1/files/" + fileId).status()).isEqualTo(404);
		assertThat(center.put("/api/v1/notices/" + id, edit).status()).isEqualTo(409);
		Response publishedTwice = center.post("/api/v1/notices/" + id + "/publish", Map.of());
		assertThat(publishedTwice.status()).isEqualTo(409);
		assertThat(publishedTwice.problemType()).isEqualTo("https://govgrid.org/problems/illegal-transition");
		assertThat(publishedTwice.json().path("action").asString()).isEqualTo("publish");
		assertThat(publishedTwice.json().path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(publishedTwice.json().path("detail").asString())
			.isEqualTo("a PUBLISHED notice cannot be published / 当前状态不允许此操作");

		Response withdrawn = center.post("/api/v1/notices/" + id + "/withdraw", Map.of());
		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
		assertThat(withdrawn.json().path("status").asString()).isEqualTo("WITHDRAWN");
		assertThat(worker1.get("/api/v1/notices/" + id).status()).isEqualTo(404);
		assertThat(find(worker1.get("/api/v1/notices?size=200").json().path("items"), id)).isNull();
		assertThat(center.post("/api/v1/notices/" + id + "/withdraw", Map.of()).status()).isEqualTo(409);
		assertThat(center.get("/api/v1/notices/" + id).json().path("status").asString()).isEqualTo("WITHDRAWN");
	}

	@Test
	void theDemoNoticesArePublishedAndPartlyRead() {
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode items = center
			.get("/api/v1/notices?box=managed&size=200&keyword="
					+ java.net.URLEncoder.encode("消防安全大检查", java.nio.charset.StandardCharsets.UTF_8))
			.json()
			.path("items");
		assertThat(items.size()).isGreaterThanOrEqualTo(1);
		JsonNode fire = items.get(items.size() - 1);
		assertThat(fire.path("status").asString()).isEqualTo("PUBLISHED");
		assertThat(fire.path("readCount").asInt()).isBetween(1, fire.path("recipientCount").asInt() - 1);
	}

}
