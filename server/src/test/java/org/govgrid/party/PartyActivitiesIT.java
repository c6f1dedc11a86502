package org.govgrid.party;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scripted walk over real HTTP (标准 7.2.1b): the centre places a 党支部 in
 * worker1's grid and adds a member; worker1 reports a 主题党日 with a photo in the grid
 * (retried with the same key: one activity); the leader sees it in the statistics;
 * worker3 of the other town gets 404 on the organisation, the activity and its photo.
 */
class PartyActivitiesIT extends ApiIntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private Map<String, Object> activity(long organizationId, String title, double[] point, List<Long> participants,
			List<Long> files, OffsetDateTime heldAt) {
		Map<String, Object> body = new HashMap<>();
		body.put("organizationId", organizationId);
		body.put("type", "THEME_DAY");
		body.put("title", title);
		body.put("heldAt", heldAt.toString());
		body.put("place", "狮山社区党群服务站");
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		body.put("participantIds", participants);
		body.put("content", "清洁家园主题党日");
		body.put("fileIds", files);
		return body;
	}

	private static long count(JsonNode counts, String key, String value) {
		for (JsonNode c : counts) {
			if (c.path(key).asString().equals(value)) {
				return c.path("count").asLong();
			}
		}
		return 0;
	}

	private static JsonNode participation(JsonNode stats, long organizationId) {
		for (JsonNode p : stats.path("participation")) {
			if (p.path("organizationId").asLong() == organizationId) {
				return p;
			}
		}
		return null;
	}

	private static JsonNode community(JsonNode stats, long regionId) {
		for (JsonNode r : stats.path("byRegion")) {
			if (r.path("regionId").asLong() == regionId) {
				return r;
			}
		}
		throw new AssertionError("no byRegion row for region " + regionId + " in " + stats);
	}

	@Test
	void aThemeDayReportedInTheGridCountsForTheLeaderAndStaysInsideTheTown() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = Long.toString(System.nanoTime());
		PartyTree tree = PartyTree.create(this.accounts, center, "走访党委" + tag, "走访党支部" + tag);
		long grid = tree.grid();
		long committee = tree.committee();
		long branch = tree.branch();
		String idNumber = TestIds.idNumber();
		String badCheck = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
		Response refused = center.post("/api/v1/party/members",
				PartyOrganizationsIT.member("周党员", badCheck, branch, grid));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("idNumber");
		long member = PartyOrganizationsIT
			.created(center.post("/api/v1/party/members", PartyOrganizationsIT.member("周党员", idNumber, branch, grid)));

		ApiClient leader = this.accounts.demo(this.port, "leader");
		JsonNode before = leader.get("/api/v1/party/stats").json();
		OffsetDateTime heldAt = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
		String month = heldAt.atZoneSameInstant(SHANGHAI).toLocalDate().toString().substring(0, 7);

		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response photo = worker1.upload("/api/v1/files", "theme-day.jpg", TestImages.jpg(640, 480));
		assertThat(photo.status()).as(photo.body()).isEqualTo(201);
		long photoId = photo.json().path("id").asLong();
		double[] point = center(PartyOrganizationsIT.WORKER1_GRID);
		Map<String, Object> report = activity(branch, "主题党日：清洁家园" + tag, point, List.of(member), List.of(photoId),
				heldAt);
		String key = "party-" + tag;
		Response reported = worker1.post("/api/v1/party/activities", report, Map.of("Idempotency-Key", key));
		assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		long id = reported.json().path("id").asLong();
		assertThat(reported.json().path("gridId").asLong()).isEqualTo(grid);
		assertThat(reported.json().path("participantCount").asInt()).isEqualTo(1);
		assertThat(reported.json().path("participants").get(0).path("name").asString()).isEqualTo("周党员");
		assertThat(reported.json().path("files").get(0).path("contentType").asString()).isEqualTo("image/jpeg");
		assertThat(reported.json().path("reportedByName").asString()).isEqualTo("网格员一");
		Response retried = worker1.post("/api/v1/party/activities", report, Map.of("Idempotency-Key", key));
		assertThat(retried.status()).isEqualTo(200);
		assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(retried.json().path("id").asLong()).isEqualTo(id);
		assertThat(this.jdbc.queryForObject("select count(*) from party_activity where organization_id = ?",
				Integer.class, branch))
			.isEqualTo(1);

		JsonNode after = leader.get("/api/v1/party/stats").json();
		assertThat(after.path("activities").asLong()).isEqualTo(before.path("activities").asLong() + 1);
		assertThat(count(after.path("byMonth"), "month", month))
			.isEqualTo(count(before.path("byMonth"), "month", month) + 1);
		assertThat(count(after.path("byType"), "type", "THEME_DAY"))
			.isEqualTo(count(before.path("byType"), "type", "THEME_DAY") + 1);
		assertThat(participation(before, branch)).isNull();
		JsonNode turnout = participation(after, branch);
		assertThat(turnout.path("activities").asLong()).isEqualTo(1);
		assertThat(turnout.path("members").asLong()).isEqualTo(1);
		assertThat(turnout.path("participants").asLong()).isEqualTo(1);
		assertThat(turnout.path("rate").asDouble()).isEqualTo(1.0);
		assertThat(after.path("organizations").asLong()).isEqualTo(before.path("organizations").asLong());
		assertThat(after.path("members").asLong()).isEqualTo(before.path("members").asLong());
		// the grid's community counts the activity; its figures are those of the rows
		// under it
		var shishan = this.accounts.region("320505006001");
		assertThat(community(after, shishan.id()).path("activities").asLong())
			.isEqualTo(community(before, shishan.id()).path("activities").asLong() + 1);
		assertThat(community(after, shishan.id()).path("members").asLong()).isEqualTo(this.jdbc.queryForObject(
				"select count(*) from party_member where region_path = ? or region_path like ?", Long.class,
				shishan.path(), shishan.path() + "/%"));
		assertThat(after.path("byRegion")).hasSizeGreaterThan(1);
		Response workbook = leader.get("/api/v1/party/stats.xlsx");
		assertThat(workbook.status()).isEqualTo(200);
		assertThat(leader.download("/api/v1/party/stats.xlsx")).startsWith((byte) 'P', (byte) 'K');

		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		assertThat(worker3.get("/api/v1/party/organizations/" + branch).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/party/activities/" + id).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/files/" + photoId).status()).isEqualTo(404);
		assertThat(worker1.get("/api/v1/files/" + photoId).status()).isEqualTo(200);
		assertThat(leader.get("/api/v1/files/" + photoId).status()).isEqualTo(200);

		Response listed = leader.get("/api/v1/party/activities?type=THEME_DAY&organizationId=" + branch);
		assertThat(listed.json().path("total").asLong()).isEqualTo(1);
		assertThat(leader.get("/api/v1/party/members?organizationId=" + branch).body()).doesNotContain(idNumber);

		JsonNode layer = center.get("/api/v1/map/layers/party-activities.geojson").json();
		assertThat(layer.findValues("id").stream().map(JsonNode::asLong).toList()).contains(id);
		JsonNode organizations = center.get("/api/v1/map/layers/party-organizations.geojson").json();
		assertThat(organizations.findValues("id").stream().map(JsonNode::asLong).toList()).contains(branch);
		JsonNode coverage = center.get("/api/v1/party/coverage.geojson").json();
		JsonNode cell = null;
		for (JsonNode feature : coverage.path("features")) {
			if (feature.path("properties").path("id").asLong() == grid) {
				cell = feature;
			}
		}
		assertThat(cell.path("properties").path("covered").asBoolean()).isTrue();
		assertThat(cell.path("properties").path("organizationNames").toString()).contains("走访党支部" + tag);
	}

	@Test
	void aReportNamesEveryBadFieldAndWritesNothing() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = Long.toString(System.nanoTime());
		PartyTree tree = PartyTree.create(this.accounts, center, "校验党委" + tag, "校验党支部" + tag);
		long committee = tree.committee();
		long branch = tree.branch();
		long stranger = PartyOrganizationsIT.created(center.post("/api/v1/party/members",
				PartyOrganizationsIT.member("吴党员", TestIds.idNumber(), committee, null)));
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response png = worker1.upload("/api/v1/files", "poster.png", TestImages.png(64, 48));
		long pngId = png.json().path("id").asLong();
		Integer before = this.jdbc.queryForObject("select count(*) from party_activity", Integer.class);

		Map<String, Object> report = activity(branch, " ", center("320505007001001"), List.of(stranger), List.of(pngId),
				OffsetDateTime.now().plusDays(3));
		report.put("type", "PICNIC");
		Response refused = worker1.post("/api/v1/party/activities", report);

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactlyInAnyOrder("type", "title", "heldAt", "lon", "lat",
				"participantIds[0]", "fileIds[0]");
		assertThat(this.jdbc.queryForObject("select count(*) from party_activity", Integer.class)).isEqualTo(before);
		assertThat(this.jdbc.queryForObject("select owner_type from stored_file where id = ?", String.class, pngId))
			.isNull();
		// the committee is not visible to worker1
		Response hidden = worker1.post("/api/v1/party/activities", activity(committee, "党委活动",
				center(PartyOrganizationsIT.WORKER1_GRID), List.of(), List.of(), OffsetDateTime.now().minusHours(2)));
		assertThat(hidden.errorFields()).containsExactly("organizationId");
	}

}
