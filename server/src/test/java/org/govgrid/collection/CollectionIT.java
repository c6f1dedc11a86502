package org.govgrid.collection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 信息采集 through the API: a versioned form, a campaign, a record checked against its form
 * (idempotent by key), and its review by the community.
 */
class CollectionIT extends ApiIntegrationTest {

	static List<Map<String, Object>> rentalFields() {
		return List.of(Map.of("key", "owner", "label", "房东姓名", "type", "TEXT", "required", true),
				Map.of("key", "idCard", "label", "身份证号", "type", "ID_CARD", "required", true),
				Map.of("key", "phone", "label", "联系电话", "type", "PHONE", "required", false),
				Map.of("key", "rooms", "label", "出租间数", "type", "NUMBER", "required", true, "min", 1, "max", 20),
				Map.of("key", "use", "label", "用途", "type", "SINGLE_CHOICE", "required", true, "options",
						List.of("自住", "出租", "经营")),
				Map.of("key", "photos", "label", "现场照片", "type", "PHOTO", "required", false));
	}

	@Test
	void aWorkerCollectsARecordTheCommunityReviewsIt() {
		ApiClient admin = this.accounts.demo(this.port, "admin");
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");

		Response badForm = admin.post("/api/v1/collection/forms",
				Map.of("code", "x", "fields", List.of(Map.of("key", "1a", "label", "", "type", "SINGLE_CHOICE"))));
		assertThat(badForm.errorFields()).containsExactlyInAnyOrder("code", "name", "fields[0].key", "fields[0].label",
				"fields[0].options");
		String code = "RENT-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		Response form = admin.post("/api/v1/collection/forms",
				Map.of("code", code, "name", "出租房屋采集", "fields", rentalFields()));
		assertThat(form.status()).as(form.body()).isEqualTo(201);
		long formId = form.json().path("id").asLong();

		Response campaign = center.post("/api/v1/collection/campaigns", Map.of("formId", formId, "name", "十一月出租房排查",
				"regionId", this.accounts.region("320505006").id(), "dueDate", LocalDate.now().plusDays(7).toString()));
		assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
		long campaignId = campaign.json().path("id").asLong();
		assertThat(worker1.get("/api/v1/collection/campaigns").json()).extracting(c -> c.path("id").asLong())
			.contains(campaignId);

		double[] point = center("320505006001001");
		Map<String, Object> bad = Map.of("formId", formId, "lon", point[0], "lat", point[1], "answers",
				Map.of("idCard", "110105194912310021", "rooms", 50, "use", "仓库", "colour", "red"));
		assertThat(worker1.post("/api/v1/collection/records", bad).errorFields()).containsExactlyInAnyOrder(
				"answers.owner", "answers.idCard", "answers.rooms", "answers.use", "answers.colour");

		long photo = worker1.upload("/api/v1/files", "room.jpg", TestImages.jpg(40, 30)).json().path("id").asLong();
		Map<String, Object> answers = new HashMap<>(Map.of("owner", "王建国", "idCard", "11010519491231002X", "phone",
				"13912345678", "rooms", 3, "use", "出租", "photos", List.of(photo)));
		Map<String, Object> record = Map.of("formId", formId, "campaignId", campaignId, "lon", point[0], "lat",
				point[1], "answers", answers);
		String key = UUID.randomUUID().toString();
		Response submitted = worker1.post("/api/v1/collection/records", record, Map.of("Idempotency-Key", key));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		long id = submitted.json().path("id").asLong();
		assertThat(submitted.json().path("formVersion").asInt()).isEqualTo(1);
		Response again = worker1.post("/api/v1/collection/records", record, Map.of("Idempotency-Key", key));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("id").asLong()).isEqualTo(id);

		assertThat(this.accounts.demo(this.port, "worker2").get("/api/v1/collection/records/" + id).status())
			.isEqualTo(404);
		assertThat(this.accounts.demo(this.port, "worker2").get("/api/v1/files/" + photo).status()).isEqualTo(404);
		assertThat(chief1.get("/api/v1/files/" + photo).status()).isEqualTo(200);
		assertThat(worker1.post("/api/v1/collection/records/" + id + "/approve", Map.of()).status()).isEqualTo(403);
		assertThat(chief1.post("/api/v1/collection/records/" + id + "/return", Map.of()).errorFields())
			.containsExactly("comment");
		assertThat(chief1.post("/api/v1/collection/records/" + id + "/return", Map.of("comment", "请补充联系电话"))
			.json()
			.path("status")
			.asString()).isEqualTo("RETURNED");
		answers.put("phone", "13900001111");
		assertThat(worker1.post("/api/v1/collection/records/" + id + "/resubmit", Map.of("answers", answers))
			.json()
			.path("status")
			.asString()).isEqualTo("SUBMITTED");
		JsonNode approved = chief1.post("/api/v1/collection/records/" + id + "/approve", Map.of()).json();
		assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.path("steps")).extracting(s -> s.path("action").asString())
			.containsExactly("SUBMIT", "RETURN", "RESUBMIT", "APPROVE");
		Response approvedTwice = chief1.post("/api/v1/collection/records/" + id + "/approve", Map.of());
		assertThat(approvedTwice.status()).isEqualTo(409);
		assertThat(approvedTwice.problemType()).isEqualTo("https://govgrid.org/problems/illegal-transition");
		assertThat(approvedTwice.json().path("action").asString()).isEqualTo("approve");
		assertThat(approvedTwice.json().path("status").asString()).isEqualTo("APPROVED");
		assertThat(
				this.jdbc.queryForObject("select answers::text from collection_record where id = ?", String.class, id))
			.as("identifiers are sealed at rest")
			.doesNotContain("11010519491231002X")
			.doesNotContain("13900001111");
		assertThat(worker1.get("/api/v1/collection/records/" + id).json().path("answers").path("idCard").asString())
			.as("the collector sees what they entered")
			.isEqualTo("11010519491231002X");
		assertThat(approved.path("answers").path("phone").asString()).isEqualTo("139****1111");

		Response revised = admin.post("/api/v1/collection/forms/" + formId + "/versions",
				Map.of("fields", rentalFields().subList(0, 4)));
		assertThat(revised.json().path("version").asInt()).isEqualTo(2);
		assertThat(worker1.get("/api/v1/collection/records/" + id).json().path("formVersion").asInt())
			.as("a record keeps the version it was filled in")
			.isEqualTo(1);
		assertThat(center.get("/api/v1/collection/records?formId=" + formId).json().path("total").asLong())
			.isEqualTo(1);
	}

}
