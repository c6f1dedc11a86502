package org.govgrid.patrol;

import java.util.HashMap;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patrol plans: a grid chief plans a monthly patrol for a worker of their community, the
 * worker sees it with the period's progress moving as they finish a patrol, nobody else
 * in the community sees it, and bad plans name every bad field.
 */
class PatrolPlanIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static final String OTHER_COMMUNITY_GRID = "320505006002001";

	@Test
	void aChiefPlansAndTheWorkerSeesTheProgress() {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long grid1 = this.accounts.region(GRID_1).id();
		long worker1Id = this.accounts.id("worker1");

		Response bad = chief1.post("/api/v1/patrol-plans",
				Map.of("gridId", this.accounts.region(OTHER_COMMUNITY_GRID).id(), "domainCode", "NOPE", "frequency",
						"HOURLY", "timesPerPeriod", 0, "assigneeId", worker1Id));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("gridId", "domainCode", "frequency", "timesPerPeriod",
				"assigneeId");
		assertThat(chief1
			.post("/api/v1/patrol-plans",
					Map.of("gridId", grid1, "domainCode", "MS", "frequency", "MONTHLY", "timesPerPeriod", 2,
							"assigneeId", this.accounts.id("worker2")))
			.errorFields()).as("worker2 works in another grid").containsExactly("assigneeId");
		assertThat(chief1.get("/api/v1/patrol-plans/assignees?gridId=" + grid1).json())
			.extracting(a -> a.path("name").asString())
			.contains("网格员一");
		assertThat(
				chief1.get("/api/v1/patrol-plans/assignees?gridId=" + this.accounts.region(OTHER_COMMUNITY_GRID).id())
					.status())
			.isEqualTo(404);
		int plansBefore = this.jdbc.queryForObject("select count(*) from patrol_plan", Integer.class);

		Response created = chief1.post("/api/v1/patrol-plans", Map.of("gridId", grid1, "domainCode", "MS", "frequency",
				"MONTHLY", "timesPerPeriod", 2, "assigneeId", worker1Id));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(this.jdbc.queryForObject("select count(*) from patrol_plan", Integer.class))
			.as("the refused plans wrote nothing")
			.isEqualTo(plansBefore + 1);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("domainName").asString()).isEqualTo("民生服务");
		assertThat(created.json().path("assigneeName").asString()).isEqualTo("网格员一");
		assertThat(created.json().path("periodStart").asString()).endsWith("-01");

		JsonNode before = plan(worker1.get("/api/v1/patrol-plans/mine").json(), id);
		int done = before.path("doneInPeriod").asInt();
		double[] point = center(GRID_1);
		long patrol = worker1.post("/api/v1/patrols", Map.of("domainCode", "MS", "lon", point[0], "lat", point[1]))
			.json()
			.path("id")
			.asLong();
		assertThat(plan(worker1.get("/api/v1/patrol-plans/mine").json(), id).path("doneInPeriod").asInt())
			.as("an unfinished patrol does not count yet")
			.isEqualTo(done);
		worker1.post("/api/v1/patrols/" + patrol + "/finish", Map.of("lon", point[0], "lat", point[1]));
		assertThat(plan(worker1.get("/api/v1/patrol-plans/mine").json(), id).path("doneInPeriod").asInt())
			.isEqualTo(done + 1);

		assertThat(this.accounts.demo(this.port, "worker2").get("/api/v1/patrol-plans/" + id).status())
			.as("another worker of the community")
			.isEqualTo(404);
		assertThat(this.accounts.demo(this.port, "worker3").get("/api/v1/patrol-plans/" + id).status()).isEqualTo(404);
		assertThat(this.accounts.demo(this.port, "center").get("/api/v1/patrol-plans/" + id).status()).isEqualTo(200);

		Map<String, Object> change = new HashMap<>(Map.of("gridId", grid1, "domainCode", "MS", "frequency", "WEEKLY",
				"timesPerPeriod", 1, "assigneeId", worker1Id));
		JsonNode changed = chief1.put("/api/v1/patrol-plans/" + id, change).json();
		assertThat(changed.path("frequency").asString()).isEqualTo("WEEKLY");
		assertThat(changed.path("timesPerPeriod").asInt()).isEqualTo(1);

		assertThat(chief1.delete("/api/v1/patrol-plans/" + id).status()).isEqualTo(204);
		assertThat(worker1.get("/api/v1/patrol-plans/mine").json()).extracting(p -> p.path("id").asLong())
			.doesNotContain(id);
		assertThat(chief1.get("/api/v1/patrol-plans?includeDisabled=true").json())
			.extracting(p -> p.path("id").asLong())
			.contains(id);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where object_type = 'patrol_plan' and object_id = ? and outcome = 'SUCCESS'",
				Integer.class, Long.toString(id)))
			.isEqualTo(3);
	}

	@Test
	void theDemoPlansGiveWorker1ADailyPatrol() {
		JsonNode mine = this.accounts.demo(this.port, "worker1").get("/api/v1/patrol-plans/mine").json();
		assertThat(mine).anySatisfy(plan -> {
			assertThat(plan.path("domainCode").asString()).isEqualTo("SR");
			assertThat(plan.path("frequency").asString()).isEqualTo("DAILY");
			assertThat(plan.path("periodStart").asString()).isEqualTo(plan.path("periodEnd").asString());
		});
	}

	private static JsonNode plan(JsonNode plans, long id) {
		for (JsonNode plan : plans) {
			if (plan.path("id").asLong() == id) {
				return plan;
			}
		}
		throw new AssertionError("plan " + id + " not in " + plans);
	}

}
