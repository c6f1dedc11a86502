package org.govgrid.patrol;

import java.time.Instant;
import java.util.ArrayList;
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
 * 全科巡查 through the API: start, track batches (idempotent, out of order, duplicated,
 * late), a problem item that becomes an event, finish with distance and duration, and who
 * may see a patrol.
 */
class PatrolIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	@Test
	void aPatrolRecordsItsTrackItemsAndDistance() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		JsonNode domains = worker1.get("/api/v1/patrol-domains").json();
		assertThat(domains).extracting(d -> d.path("code").asString()).contains("SR", "XF", "AQSC");
		assertThat(domains.get(0).path("items").get(0).path("name").asString()).isNotBlank();

		double[] start = center(GRID_1);
		Response started = worker1.post("/api/v1/patrols",
				Map.of("domainCode", "SR", "lon", start[0], "lat", start[1]));
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		long id = started.json().path("id").asLong();
		assertThat(started.json().path("status").asString()).isEqualTo("ACTIVE");

		double step = 10 / (111_320 * Math.cos(Math.toRadians(start[1])));
		// the points lie within the patrol's window: from 5 minutes before its start to
		// now
		Instant t0 = Instant.now().minusSeconds(200);
		List<Map<String, Object>> first = new ArrayList<>();
		List<Map<String, Object>> second = new ArrayList<>();
		for (int i = 0; i <= 10; i++) {
			Map<String, Object> point = Map.of("time", t0.plusSeconds(10L * i).toString(), "lon", start[0] + i * step,
					"lat", start[1], "accuracy", 6, "speed", 1.0);
			(i < 6 ? first : second).add(point);
		}
		second.add(0, first.get(5));
		java.util.Collections.reverse(second);
		second.add(Map.of("time", t0.plusSeconds(55).toString(), "lon", start[0] + 0.02, "lat", start[1], "accuracy",
				300));
		JsonNode receipt = worker1.post("/api/v1/patrols/" + id + "/track", Map.of("batchKey", "b1", "points", first))
			.json();
		assertThat(receipt.path("accepted").asInt()).isEqualTo(6);
		JsonNode replay = worker1.post("/api/v1/patrols/" + id + "/track", Map.of("batchKey", "b1", "points", first))
			.json();
		assertThat(replay.path("replayed").asBoolean()).isTrue();
		assertThat(replay.path("pointCount").asInt()).isEqualTo(6);
		JsonNode more = worker1.post("/api/v1/patrols/" + id + "/track", Map.of("batchKey", "b2", "points", second))
			.json();
		assertThat(more.path("accepted").asInt()).as("the repeated point is stored once").isEqualTo(6);
		assertThat(more.path("pointCount").asInt()).isEqualTo(12);

		Response problem = worker1.post("/api/v1/patrols/" + id + "/items", Map.of("itemCode", "SR-01", "result",
				"PROBLEM", "comment", "早餐摊占用人行道", "lon", start[0], "lat", start[1]));
		assertThat(problem.status()).as(problem.body()).isEqualTo(200);
		JsonNode withProblem = problem.json();
		long eventId = withProblem.path("items").get(0).path("eventId").asLong();
		assertThat(eventId).isPositive();
		assertThat(this.jdbc.queryForObject("select status from event where id = ?", String.class, eventId))
			.as("城市管理 goes to 城管 by the demo rule")
			.isEqualTo("DISPATCHED");
		Response replayed = worker1.post("/api/v1/patrols/" + id + "/items", Map.of("itemCode", "SR-01", "result",
				"PROBLEM", "comment", "早餐摊占用人行道", "lon", start[0], "lat", start[1]));
		assertThat(replayed.status()).as("a phone replaying its queue gets the kept answer").isEqualTo(200);
		assertThat(replayed.json().path("items").get(0).path("eventId").asLong()).isEqualTo(eventId);
		assertThat(this.jdbc.queryForObject("select count(*) from event where description = '早餐摊占用人行道'", Integer.class))
			.isEqualTo(1);
		assertThat(worker1.post("/api/v1/patrols/" + id + "/items", Map.of("itemCode", "SR-01", "result", "NORMAL"))
			.status()).isEqualTo(409);
		assertThat(worker1.post("/api/v1/patrols/" + id + "/items", Map.of("itemCode", "XF-01", "result", "MAYBE"))
			.errorFields()).containsExactlyInAnyOrder("itemCode", "result");
		worker1.post("/api/v1/patrols/" + id + "/items", Map.of("itemCode", "SR-02", "result", "NORMAL"));

		JsonNode finished = worker1.post("/api/v1/patrols/" + id + "/finish", Map.of("lon", start[0], "lat", start[1]))
			.json();
		assertThat(finished.path("status").asString()).isEqualTo("FINISHED");
		assertThat(finished.path("distanceMeters").asDouble()).isCloseTo(100, within(1.0));
		assertThat(finished.path("durationSeconds").asLong()).isNotNegative();
		assertThat(finished.path("pointCount").asInt()).isEqualTo(12);
		assertThat(finished.path("itemsDone").asInt()).isEqualTo(2);
		assertThat(finished.path("track").path("type").asString()).isEqualTo("LineString");
		assertThat(finished.path("track").path("coordinates").size()).isEqualTo(12);
		Response finishedTwice = worker1.post("/api/v1/patrols/" + id + "/finish",
				Map.of("lon", start[0], "lat", start[1]));
		assertThat(finishedTwice.status()).isEqualTo(409);
		assertThat(finishedTwice.problemType()).isEqualTo("https://govgrid.org/problems/illegal-transition");
		assertThat(finishedTwice.json().path("action").asString()).isEqualTo("finish");
		assertThat(finishedTwice.json().path("status").asString()).isEqualTo("FINISHED");

		// a phone that was offline sends its last points after the finish
		List<Map<String, Object>> late = List.of(Map.of("time", t0.plusSeconds(110).toString(), "lon",
				start[0] + 11 * step, "lat", start[1], "accuracy", 5));
		worker1.post("/api/v1/patrols/" + id + "/track", Map.of("batchKey", "b3", "points", late));
		JsonNode after = worker1.get("/api/v1/patrols/" + id).json();
		assertThat(after.path("distanceMeters").asDouble()).isCloseTo(110, within(1.0));
		assertThat(after.path("pointCount").asInt()).isEqualTo(13);

		assertThat(this.accounts.demo(this.port, "worker2").get("/api/v1/patrols/" + id).status()).isEqualTo(404);
		assertThat(this.accounts.demo(this.port, "worker3").get("/api/v1/patrols/" + id).status()).isEqualTo(404);
		assertThat(this.accounts.demo(this.port, "chief1").get("/api/v1/patrols/" + id).status()).isEqualTo(200);
		ApiClient center = this.accounts.demo(this.port, "center");
		assertThat(center.get("/api/v1/patrols?domainCode=SR&size=200").json().path("items"))
			.extracting(p -> p.path("id").asLong())
			.contains(id);
		assertThat(this.accounts.demo(this.port, "worker2").get("/api/v1/patrols?size=200").json().path("items"))
			.extracting(p -> p.path("id").asLong())
			.doesNotContain(id);
	}

	@Test
	void badStartsAndBatchesNameEveryField() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		double[] elsewhere = center("320505007001001");
		assertThat(
				worker1.post("/api/v1/patrols", Map.of("domainCode", "NOPE", "lon", elsewhere[0], "lat", elsewhere[1]))
					.errorFields())
			.containsExactlyInAnyOrder("domainCode", "lon");
		double[] start = center(GRID_1);
		long id = worker1.post("/api/v1/patrols", Map.of("domainCode", "XF", "lon", start[0], "lat", start[1]))
			.json()
			.path("id")
			.asLong();
		Response bad = worker1.post("/api/v1/patrols/" + id + "/track",
				Map.of("points", List.of(Map.of("time", "yesterday", "lon", 1, "lat", 2),
						Map.of("time", Instant.now().toString(), "lon", 400, "lat", 95, "accuracy", -1))));
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("batchKey", "points[0].time", "points[1].lon",
				"points[1].lat", "points[1].accuracy");
		assertThat(
				this.jdbc.queryForObject("select count(*) from patrol_track_point where patrol_id = ?", Long.class, id))
			.isZero();
	}

	@Test
	void pointsOutsideThePatrolsWindowAreRefusedAndMakeNoPartition() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		double[] start = center(GRID_1);
		long id = worker1.post("/api/v1/patrols", Map.of("domainCode", "AQSC", "lon", start[0], "lat", start[1]))
			.json()
			.path("id")
			.asLong();
		Instant now = Instant.now();
		List<Map<String, Object>> points = List.of(point(now.minusSeconds(60), start),
				point(now.minus(java.time.Duration.ofMinutes(6)), start), point(now.plusSeconds(120), start),
				point(Instant.parse("2031-07-01T00:00:00Z"), start),
				point(Instant.parse("1999-02-01T00:00:00Z"), start), point(now, start));
		Response refused = worker1.post("/api/v1/patrols/" + id + "/track", Map.of("batchKey", "w1", "points", points));
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactlyInAnyOrder("points[1].time", "points[2].time",
				"points[3].time", "points[4].time");
		assertThat(
				this.jdbc.queryForObject("select count(*) from patrol_track_point where patrol_id = ?", Long.class, id))
			.isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from pg_class where relname in ('patrol_track_point_2031_07', 'patrol_track_point_1999_02')",
				Long.class))
			.isZero();

		Response stored = worker1.post("/api/v1/patrols/" + id + "/track",
				Map.of("batchKey", "w2", "points", List.of(points.get(0), points.get(5))));
		assertThat(stored.status()).as(stored.body()).isEqualTo(200);
		assertThat(stored.json().path("accepted").asInt()).isEqualTo(2);
	}

	@Test
	void thisMonthsAndTheNextMonthsPartitionsAreMadeAhead() {
		java.time.LocalDate month = java.time.LocalDate.now(java.time.ZoneOffset.UTC).withDayOfMonth(1);
		for (int i = 0; i <= 3; i++) {
			String name = TrackPartitions.name(month.plusMonths(i));
			assertThat(this.jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, name)).as(name)
				.isTrue();
		}
	}

	private static Map<String, Object> point(Instant time, double[] at) {
		return Map.of("time", time.toString(), "lon", at[0], "lat", at[1], "accuracy", 5);
	}

}
