package org.govgrid.stats;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.CollectionForms;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 重点人员排查 (issue 17 item 9): the centre starts the seeded form as a campaign for its town,
 * worker1 checks two households of their grid, and the dashboard widget's data shows that
 * grid's progress against the houses registered there; another town sees 404.
 */
class KeyPersonScreeningIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	@Test
	void theCampaignsProgressPerGridIsHouseholdsCheckedOfThoseRegistered() {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient leader = this.accounts.demo(this.port, "leader");
		long formId = CollectionForms.idOf(center, "KEY_PERSON_SCREENING");
		long town = this.accounts.region("320505006").id();
		long grid = this.accounts.region(GRID_1).id();
		Response campaign = center.post("/api/v1/collection/campaigns",
				Map.of("formId", formId, "name", "重点人员排查（" + System.nanoTime() + "）", "regionId", town, "dueDate",
						LocalDate.now().plusDays(7).toString()));
		assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
		long campaignId = campaign.json().path("id").asLong();

		String street = "排查路" + System.nanoTime() + "号";
		assertThat(submit(worker1, formId, campaignId, street + "1室").status()).isEqualTo(201);
		assertThat(submit(worker1, formId, campaignId, street + "2室").status()).isEqualTo(201);
		// the same household again (spaces aside) is not a third
		assertThat(submit(worker1, formId, campaignId, " " + street + " 2室").status()).isEqualTo(201);

		JsonNode progress = leader.get("/api/v1/stats/screening").json();
		assertThat(progress.path("campaignId").asLong()).as(progress.toString()).isEqualTo(campaignId);
		long registered = this.jdbc.queryForObject("select count(*) from bd_house where grid_id = ?", Long.class, grid);
		JsonNode row = progress.path("grids")
			.valueStream()
			.filter(g -> g.path("gridId").asLong() == grid)
			.findFirst()
			.orElseThrow();
		assertThat(row.path("checked").asLong()).isEqualTo(2);
		assertThat(row.path("registered").asLong()).isEqualTo(registered);
		assertThat(row.path("name").asString()).isNotBlank();
		assertThat(progress.path("checked").asLong()).isGreaterThanOrEqualTo(2);

		JsonNode byId = leader.get("/api/v1/stats/screening?regionId=" + grid + "&campaignId=" + campaignId).json();
		assertThat(byId.path("grids")).hasSize(1);
		assertThat(byId.path("grids").get(0).path("checked").asLong()).isEqualTo(2);

		ApiClient otherLeader = this.accounts.signedIn(this.port, "TOWN_LEADER", "320505007");
		assertThat(otherLeader.get("/api/v1/stats/screening?campaignId=" + campaignId).status()).isEqualTo(404);
		assertThat(otherLeader.get("/api/v1/stats/screening?regionId=" + town).status()).isEqualTo(404);
	}

	private Response submit(ApiClient worker, long formId, long campaignId, String house) {
		double[] point = center(GRID_1);
		Map<String, Object> answers = new HashMap<>();
		answers.put("house", house);
		answers.put("householder", "王建国");
		answers.put("residents", 3);
		answers.put("checked", 3);
		answers.put("health", "正常");
		answers.put("whereabouts", "在本地");
		answers.put("contact", "无");
		answers.put("result", "正常");
		return worker.post("/api/v1/collection/records", Map.of("formId", formId, "campaignId", campaignId, "lon",
				point[0], "lat", point[1], "answers", answers));
	}

}
