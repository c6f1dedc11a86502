package org.govgrid.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * 在岗人员实时位置: the last known position of each on-duty worker (track batches and the phone's
 * heartbeat) as the command centre sees it — scoped to its town, fresh positions only,
 * only while on duty, every list audited, nearest first near a point, and live over the
 * board's stream. Its own workers, so the demo accounts' positions do not matter.
 */
class WorkerPositionsIT extends ApiIntegrationTest {

	private static final String SHISHAN_GRID = "320505006002003";

	private static final String FENGQIAO_GRID = "320505007001002";

	private static final String POSITIONS = "/api/v1/dispatch/worker-positions";

	private static final String HEARTBEAT = "/api/v1/patrol/heartbeat";

	@Test
	void theCentreSeesItsTownsOnDutyWorkersOnlyFreshAndAudited() {
		double[] here = center(SHISHAN_GRID);
		ApiClient fresh = this.accounts.signedIn(this.port, "GRID_WORKER", SHISHAN_GRID);
		ApiClient stale = this.accounts.signedIn(this.port, "GRID_WORKER", SHISHAN_GRID);
		ApiClient elsewhere = this.accounts.signedIn(this.port, "GRID_WORKER", FENGQIAO_GRID);
		long freshId = userId(fresh);
		long staleId = userId(stale);
		long elsewhereId = userId(elsewhere);

		Response kept = fresh.post(HEARTBEAT, Map.of("lon", here[0], "lat", here[1], "accuracy", 8));
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(kept.json().path("accepted").asBoolean()).isTrue();
		assertThat(fresh.post(HEARTBEAT, Map.of("lon", here[0], "lat", here[1])).json().path("accepted").asBoolean())
			.as("a second heartbeat at once is throttled")
			.isFalse();
		assertThat(stale
			.post(HEARTBEAT,
					Map.of("lon", here[0], "lat", here[1], "at",
							Instant.now().minus(Duration.ofMinutes(20)).toString()))
			.status()).isEqualTo(200);
		double[] there = center(FENGQIAO_GRID);
		assertThat(elsewhere.post(HEARTBEAT, Map.of("lon", there[0], "lat", there[1])).status()).isEqualTo(200);
		this.accounts.demo(this.port, "worker3").post(HEARTBEAT, Map.of("lon", there[0], "lat", there[1]));

		ApiClient center = this.accounts.demo(this.port, "center");
		long centerId = this.accounts.id("center");
		int audited = auditRows(centerId);
		Response list = center.get(POSITIONS);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		JsonNode mine = byUser(list.json(), freshId);
		assertThat(mine).as("the fresh heartbeat is on the board").isNotNull();
		assertThat(mine.path("lon").asDouble()).isCloseTo(here[0], within(1e-9));
		assertThat(mine.path("lat").asDouble()).isCloseTo(here[1], within(1e-9));
		assertThat(mine.path("gridId").asLong()).isEqualTo(this.accounts.region(SHISHAN_GRID).id());
		assertThat(mine.path("name").asString()).startsWith("t");
		assertThat(mine.path("at").asString()).isNotBlank();
		assertThat(mine.path("onPatrol").asBoolean()).isFalse();
		assertThat(byUser(list.json(), staleId)).as("a position older than the freshness limit is not shown").isNull();
		assertThat(byUser(list.json(), elsewhereId)).as("another town's worker is not shown").isNull();
		assertThat(byUser(list.json(), this.accounts.id("worker3"))).as("worker3 works in 枫桥").isNull();
		assertThat(auditRows(centerId)).as("every list is one audit row").isEqualTo(audited + 1);
		assertThat(this.jdbc.queryForObject("""
				select detail from audit_log where user_id = ? and action = 'WORKER_POSITIONS_VIEW'
				order by id desc limit 1""", String.class, centerId)).doesNotContain(String.valueOf(here[0]));

		ApiClient fengqiaoCentre = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		assertThat(fengqiaoCentre.get(POSITIONS).json()).extracting(p -> p.path("userId").asLong())
			.contains(elsewhereId, this.accounts.id("worker3"))
			.doesNotContain(freshId);
		assertThat(this.accounts.demo(this.port, "leader").get(POSITIONS).status()).isEqualTo(200);
	}

	@Test
	void aPatrolsTrackPutsTheWorkerOnDutyUntilItEnds() {
		double[] start = center(SHISHAN_GRID);
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", SHISHAN_GRID);
		long workerId = userId(worker);
		long patrol = worker.post("/api/v1/patrols", Map.of("domainCode", "SR", "lon", start[0], "lat", start[1]))
			.json()
			.path("id")
			.asLong();
		Instant t0 = Instant.now().minusSeconds(60);
		worker.post("/api/v1/patrols/" + patrol + "/track",
				Map.of("batchKey", "p1", "points", List.of(
						Map.of("time", t0.toString(), "lon", start[0], "lat", start[1]),
						Map.of("time", t0.plusSeconds(30).toString(), "lon", start[0] + 0.0005, "lat", start[1]))));
		// a late batch of older points leaves the newer position alone
		worker.post("/api/v1/patrols/" + patrol + "/track", Map.of("batchKey", "p0", "points",
				List.of(Map.of("time", t0.minusSeconds(30).toString(), "lon", start[0] - 0.01, "lat", start[1]))));
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode onPatrol = byUser(center.get(POSITIONS).json(), workerId);
		assertThat(onPatrol).isNotNull();
		assertThat(onPatrol.path("onPatrol").asBoolean()).isTrue();
		assertThat(onPatrol.path("source").asString()).isEqualTo("TRACK");
		assertThat(onPatrol.path("lon").asDouble()).isCloseTo(start[0] + 0.0005, within(1e-9));

		worker.post("/api/v1/patrols/" + patrol + "/finish", Map.of("lon", start[0], "lat", start[1]));
		assertThat(byUser(center.get(POSITIONS).json(), workerId))
			.as("after the patrol, its track no longer puts the worker on duty")
			.isNull();
	}

	@Test
	void theNearestWorkersOfAUnitComeFirstWithTheirDistance() {
		double[] point = center(SHISHAN_GRID);
		double metre = 1 / (111_320 * Math.cos(Math.toRadians(point[1])));
		ApiClient far = this.accounts.signedIn(this.port, "GRID_WORKER", SHISHAN_GRID);
		ApiClient near = this.accounts.signedIn(this.port, "GRID_WORKER", SHISHAN_GRID);
		far.post(HEARTBEAT, Map.of("lon", point[0] + 400 * metre, "lat", point[1]));
		near.post(HEARTBEAT, Map.of("lon", point[0] + 100 * metre, "lat", point[1]));
		long grid = this.accounts.region(SHISHAN_GRID).id();
		ApiClient center = this.accounts.demo(this.port, "center");
		Response nearest = center.get(POSITIONS + "?near=" + point[0] + "," + point[1] + "&regionId=" + grid);
		assertThat(nearest.status()).as(nearest.body()).isEqualTo(200);
		List<Long> order = nearest.json().valueStream().map(p -> p.path("userId").asLong()).toList();
		assertThat(order).containsSubsequence(userId(near), userId(far));
		assertThat(byUser(nearest.json(), userId(near)).path("distanceMeters").asLong()).isBetween(95L, 105L);
		assertThat(byUser(nearest.json(), userId(far)).path("distanceMeters").asLong()).isBetween(390L, 410L);
		assertThat(nearest.json().valueStream().allMatch(p -> p.path("distanceMeters").asLong() >= 0)).isTrue();
		assertThat(center.get(POSITIONS + "?near=" + point[0] + "," + point[1] + "&regionId=" + grid + "&limit=1")
			.json()
			.size()).isEqualTo(1);

		long otherTown = this.accounts.region(FENGQIAO_GRID).id();
		assertThat(center.get(POSITIONS + "?regionId=" + otherTown).status()).isEqualTo(404);
		assertThat(center.get(POSITIONS + "?departmentId=999999999").status()).isEqualTo(404);
		long cityManagement = this.jdbc.queryForObject("select department_id from app_user where username = 'dept_cg'",
				Long.class);
		assertThat(center.get(POSITIONS + "?departmentId=" + cityManagement).status()).isEqualTo(200);
		assertThat(center.get(POSITIONS + "?near=abc&limit=0").errorFields()).containsExactlyInAnyOrder("near",
				"limit");
	}

	@Test
	void aHeartbeatNamesEveryBadFieldAndKeepsNothing() {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", SHISHAN_GRID);
		Response bad = worker.post(HEARTBEAT, Map.of("lon", 200, "at", "yesterday"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("lon", "lat", "at");
		assertThat(worker.post(HEARTBEAT, Map.of("lon", 120.5, "lat", 31.3, "accuracy", -1)).errorFields())
			.containsExactly("accuracy");
		assertThat(worker
			.post(HEARTBEAT, Map.of("lon", 120.5, "lat", 31.3, "at", Instant.now().plusSeconds(600).toString()))
			.errorFields()).containsExactly("at");
		assertThat(this.jdbc.queryForObject("select count(*) from patrol_worker_position where user_id = ?",
				Integer.class, userId(worker)))
			.isZero();
		assertThat(this.accounts.demo(this.port, "center").post(HEARTBEAT, Map.of("lon", 120.5, "lat", 31.3)).status())
			.as("the centre has no position to report")
			.isEqualTo(403);
		assertThat(worker.get(POSITIONS).status()).as("a worker does not see the others").isEqualTo(403);
	}

	@Test
	void theBoardsStreamTellsTheCentreThatSomeoneInItsTownMoved() throws InterruptedException {
		double[] here = center(SHISHAN_GRID);
		double[] there = center(FENGQIAO_GRID);
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", SHISHAN_GRID);
		ApiClient elsewhere = this.accounts.signedIn(this.port, "GRID_WORKER", FENGQIAO_GRID);
		ApiClient center = this.accounts.demo(this.port, "center");
		try (ApiClient.EventStream stream = center.stream(POSITIONS + "/stream")) {
			assertThat(stream.status()).isEqualTo(200);
			// what arrived before the stream opened may still be told once: let it pass
			while (stream.nextEvent("positions", Duration.ofSeconds(3)) != null) {
				// drained
			}
			elsewhere.post(HEARTBEAT, Map.of("lon", there[0], "lat", there[1]));
			assertThat(stream.nextEvent("positions", Duration.ofSeconds(5))).as("枫桥 is not the centre's town").isNull();
			worker.post(HEARTBEAT, Map.of("lon", here[0], "lat", here[1]));
			String event = stream.nextEvent("positions", Duration.ofSeconds(10));
			assertThat(event).isNotNull().contains("\"changed\":1").doesNotContain(String.valueOf(here[0]));
		}
		assertThat(new ApiClient(this.port).get(POSITIONS + "/stream").status()).isEqualTo(401);
	}

	private long userId(ApiClient client) {
		return client.get("/api/v1/auth/me").json().path("id").asLong();
	}

	private int auditRows(long userId) {
		return this.jdbc.queryForObject(
				"select count(*) from audit_log where user_id = ? and action = 'WORKER_POSITIONS_VIEW'", Integer.class,
				userId);
	}

	private static JsonNode byUser(JsonNode list, long userId) {
		return list.valueStream().filter(p -> p.path("userId").asLong() == userId).findFirst().orElse(null);
	}

}
