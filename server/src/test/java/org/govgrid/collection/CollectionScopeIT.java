package org.govgrid.collection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who sees which record and campaign: a worker their own, the chief their community's,
 * the centre its town's, everyone else 404; a campaign naming workers is theirs alone;
 * the per-collector tally counts what the caller may see.
 */
class CollectionScopeIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static final String GRID_2 = "320505006001002";

	@Test
	void recordsAndCampaignsStayInTheirScope() {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		String code = "SCOPE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		long formId = center
			.post("/api/v1/collection/forms",
					Map.of("code", code, "name", "走访登记", "fields",
							List.of(Map.of("key", "note", "label", "情况", "type", "TEXT", "required", true))))
			.json()
			.path("id")
			.asLong();
		long community = this.accounts.region("320505006001").id();

		Response badCampaign = center.post("/api/v1/collection/campaigns",
				Map.of("formId", formId, "name", "点名任务", "regionId", community, "dueDate",
						LocalDate.now().plusDays(3).toString(), "workerIds",
						List.of(this.accounts.id("worker1"), this.accounts.id("worker3"))));
		assertThat(badCampaign.errorFields()).as("worker3 works in the other town").containsExactly("workerIds[1]");
		Response named = center.post("/api/v1/collection/campaigns",
				Map.of("formId", formId, "name", "点名任务", "regionId", community, "dueDate",
						LocalDate.now().plusDays(3).toString(), "workerIds", List.of(this.accounts.id("worker1"))));
		assertThat(named.status()).as(named.body()).isEqualTo(201);
		long campaignId = named.json().path("id").asLong();
		assertThat(named.json().path("workers").get(0).path("name").asString()).isEqualTo("网格员一");
		assertThat(campaignIds(worker1)).contains(campaignId);
		assertThat(campaignIds(worker2)).as("named for worker1 only").doesNotContain(campaignId);
		assertThat(campaignIds(chief1)).as("reviewers see every campaign of their area").contains(campaignId);

		long mine = record(worker1, formId, campaignId, GRID_1, "一号网格记录");
		double[] grid2 = center(GRID_2);
		Response notForWorker2 = worker2.post("/api/v1/collection/records", Map.of("formId", formId, "campaignId",
				campaignId, "lon", grid2[0], "lat", grid2[1], "answers", Map.of("note", "二号网格记录")));
		assertThat(notForWorker2.errorFields()).containsExactly("campaignId");
		long theirs = record(worker2, formId, null, GRID_2, "二号网格记录");

		assertThat(recordIds(worker1, formId)).containsExactly(mine);
		assertThat(recordIds(worker2, formId)).containsExactly(theirs);
		assertThat(recordIds(chief1, formId)).containsExactlyInAnyOrder(mine, theirs);
		assertThat(recordIds(center, formId)).containsExactlyInAnyOrder(mine, theirs);
		assertThat(recordIds(worker3, formId)).isEmpty();
		assertThat(worker2.get("/api/v1/collection/records/" + mine).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/collection/records/" + mine).status()).isEqualTo(404);
		assertThat(
				worker2.post("/api/v1/collection/records/" + mine + "/resubmit", Map.of("answers", Map.of())).status())
			.isEqualTo(404);
		assertThat(chief1.get("/api/v1/collection/records/" + theirs).status()).isEqualTo(200);
		assertThat(center.get("/api/v1/collection/records/" + theirs).status()).isEqualTo(200);
		assertThat(center.get("/api/v1/collection/records?formId=" + formId + "&campaignId=" + campaignId)
			.json()
			.path("total")
			.asLong()).isEqualTo(1);

		chief1.post("/api/v1/collection/records/" + mine + "/approve", Map.of());
		JsonNode tally = chief1.get("/api/v1/collection/collectors?formId=" + formId).json();
		assertThat(tally).hasSize(2);
		assertThat(tally).anySatisfy(row -> {
			assertThat(row.path("collectorName").asString()).isEqualTo("网格员一");
			assertThat(row.path("total").asLong()).isEqualTo(1);
			assertThat(row.path("approved").asLong()).isEqualTo(1);
			assertThat(row.path("submitted").asLong()).isZero();
		});
		assertThat(worker2.get("/api/v1/collection/collectors?formId=" + formId).json())
			.extracting(row -> row.path("collectorName").asString())
			.containsExactly("网格员二");
		assertThat(center.get("/api/v1/collection/records?status=MAYBE").errorFields()).containsExactly("status");
	}

	@Test
	void identifiersAreMaskedForEveryoneButTheCollector() {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		String code = "MASK_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Response bad = center.post("/api/v1/collection/forms", Map.of("code", code, "name", "房东登记", "fields",
				List.of(Map.of("key", "note", "label", "情况", "type", "TEXT", "maxLength", 0))));
		assertThat(bad.errorFields()).containsExactly("fields[0].maxLength");
		long formId = center
			.post("/api/v1/collection/forms",
					Map.of("code", code, "name", "房东登记", "fields",
							List.of(Map.of("key", "idCard", "label", "身份证号", "type", "ID_CARD", "required", true),
									Map.of("key", "phone", "label", "电话", "type", "PHONE", "required", true))))
			.json()
			.path("id")
			.asLong();
		double[] point = center(GRID_1);
		long id = worker1.post("/api/v1/collection/records", Map.of("formId", formId, "lon", point[0], "lat", point[1],
				"answers", Map.of("idCard", "11010519491231002X", "phone", "13812345678")))
			.json()
			.path("id")
			.asLong();
		JsonNode own = worker1.get("/api/v1/collection/records/" + id).json().path("answers");
		assertThat(own.path("idCard").asString()).isEqualTo("11010519491231002X");
		JsonNode seen = chief1.get("/api/v1/collection/records/" + id).json().path("answers");
		assertThat(seen.path("idCard").asString()).isEqualTo("110***********002X");
		assertThat(seen.path("phone").asString()).isEqualTo("138****5678");
		assertThat(chief1.get("/api/v1/collection/records?formId=" + formId).body()).doesNotContain("13812345678",
				"11010519491231002X");
		assertThat(chief1.post("/api/v1/collection/records/" + id + "/approve", Map.of()).body())
			.doesNotContain("13812345678");

		center.post("/api/v1/collection/forms/" + formId + "/versions",
				Map.of("fields", List.of(Map.of("key", "phone", "label", "电话", "type", "PHONE", "required", true))));
		JsonNode first = center.get("/api/v1/collection/forms/" + formId + "/versions/1").json();
		assertThat(first.path("version").asInt()).isEqualTo(1);
		assertThat(first.path("fields")).hasSize(2);
		assertThat(center.get("/api/v1/collection/forms/" + formId + "/versions/9").status()).isEqualTo(404);
		assertThat(
				center.get("/api/v1/collection/campaign-workers?regionId=" + this.accounts.region("320505006001").id())
					.json())
			.extracting(w -> w.path("name").asString())
			.contains("网格员一", "网格员二")
			.doesNotContain("网格员三");
		assertThat(center.get("/api/v1/collection/campaign-workers?regionId=" + this.accounts.region("320505007").id())
			.status()).isEqualTo(404);
	}

	private long record(ApiClient worker, long formId, Long campaignId, String grid, String note) {
		double[] point = center(grid);
		java.util.Map<String, Object> body = new java.util.HashMap<>(
				Map.of("formId", formId, "lon", point[0], "lat", point[1], "answers", Map.of("note", note)));
		if (campaignId != null) {
			body.put("campaignId", campaignId);
		}
		Response created = worker.post("/api/v1/collection/records", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private static List<Long> campaignIds(ApiClient client) {
		return client.get("/api/v1/collection/campaigns").json().valueStream().map(c -> c.path("id").asLong()).toList();
	}

	private static List<Long> recordIds(ApiClient client, long formId) {
		return client.get("/api/v1/collection/records?formId=" + formId + "&size=100")
			.json()
			.path("items")
			.valueStream()
			.map(r -> r.path("id").asLong())
			.toList();
	}

}
