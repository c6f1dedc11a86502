package org.govgrid.warning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.govgrid.warning.model.SpatialClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 热点研判 (issue 19, item 2) on the running platform, in a town of its own far from the demo
 * data (so no other test counts these events): twelve events within 150 m over three days
 * form one hotspot and raise one HOTSPOT alert in the sweep; twelve scattered ones (400 m
 * apart) form none; the alert is cleared when the cluster dissolves; the backtest finds
 * the same firing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotIT extends ApiIntegrationTest {

	private static final String TOWN = "320505093";

	private static final String CLUSTER_GRID = TOWN + "001001";

	private static final String SCATTER_GRID = TOWN + "001002";

	/** South-west corner of the test town's grids: nowhere near the demo town. */
	private static final double LON = 119.6100;

	private static final double LAT = 30.4300;

	private static final String CATEGORY = "GGSS-03";

	@Autowired
	RegionService regions;

	@Autowired
	TestClock clock;

	@Autowired
	WarningJobs jobs;

	private long townId;

	@BeforeAll
	void createTheTown() {
		long district = this.accounts.region("320505").id();
		RegionSummary town = this.regions.provision(RegionLevel.TOWN, district, TOWN, "热点测试镇", null);
		RegionSummary community = this.regions.provision(RegionLevel.COMMUNITY, town.id(), TOWN + "001", "热点测试社区",
				null);
		this.regions.provision(RegionLevel.GRID, community.id(), CLUSTER_GRID, "热点测试网格一",
				box(LON, LAT, LON + 0.01, LAT + 0.01));
		this.regions.provision(RegionLevel.GRID, community.id(), SCATTER_GRID, "热点测试网格二",
				box(LON + 0.01, LAT, LON + 0.03, LAT + 0.02));
		this.townId = town.id();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void twelveEventsWithin150MetresInThreeDaysRaiseOneHotspotAlertAndScatteredOnesDoNot() {
		ApiClient center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		Response created = center.post("/api/v1/warning-rules", rule());
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long rule = created.json().path("id").asLong();
		assertThat(created.json().path("radiusMeters").asInt()).isEqualTo(150);

		// twelve within 60 m of one point over the last three days, twelve on a 400 m
		// lattice
		double[] centre = { LON + 0.005, LAT + 0.005 };
		ApiClient clusterWorker = this.accounts.signedIn(this.port, "GRID_WORKER", CLUSTER_GRID);
		ApiClient scatterWorker = this.accounts.signedIn(this.port, "GRID_WORKER", SCATTER_GRID);
		List<Long> clustered = new ArrayList<>();
		List<Long> scattered = new ArrayList<>();
		this.clock.advance(Duration.ofHours(-70));
		for (int i = 0; i < 12; i++) {
			double angle = i * Math.PI / 6;
			double metres = 20 + 3 * i;
			clustered.add(report(clusterWorker, centre[0] + metres * Math.cos(angle) / 95_900.0,
					centre[1] + metres * Math.sin(angle) / 111_320.0, "热点测试路" + (i + 1) + "号"));
			scattered.add(report(scatterWorker, LON + 0.012 + (i % 4) * 0.0042, LAT + 0.002 + (i / 4) * 0.0036,
					"散点测试路" + (i + 1) + "号"));
			this.clock.advance(Duration.ofHours(5));
		}
		this.clock.advance(Duration.ofHours(5)); // now: 70 h after the first

		this.jobs.sweep();
		List<Long> alerts = alerts(rule);
		assertThat(alerts).as("one cluster, one alert").hasSize(1);
		JsonNode alert = center.get("/api/v1/alerts/" + alerts.get(0)).json();
		assertThat(alert.path("kind").asString()).isEqualTo("HOTSPOT");
		assertThat(alert.path("status").asString()).isEqualTo("NEW");
		assertThat(alert.path("regionId").asLong()).isEqualTo(this.accounts.region(CLUSTER_GRID).id());
		assertThat(alert.path("evidence").valueStream().map(e -> e.path("eventId").asLong()).toList())
			.containsExactlyInAnyOrderElementsOf(clustered);
		assertThat(alert.path("value").asDouble()).isEqualTo(12);
		assertThat(SpatialClusters.distance(alert.path("lon").asDouble(), alert.path("lat").asDouble(), centre[0],
				centre[1]))
			.as("placed at the cluster's centre")
			.isLessThan(30);
		assertThat(alert.path("detail").asString()).contains("12起");
		this.jobs.sweep();
		assertThat(alerts(rule)).as("a second sweep raises nothing new").containsExactlyElementsOf(alerts);

		// the map's hotspots: the cluster only, with its counts and trend
		JsonNode hotspots = center.get("/api/v1/warning/hotspots?regionId=" + this.townId + "&days=3").json();
		assertThat(hotspots.size()).as(hotspots.toString()).isEqualTo(1);
		JsonNode hotspot = hotspots.get(0);
		assertThat(hotspot.path("count").asInt()).isEqualTo(12);
		assertThat(hotspot.path("radiusMeters").asLong()).isBetween(20L, 150L);
		assertThat(SpatialClusters.distance(hotspot.path("lon").asDouble(), hotspot.path("lat").asDouble(), centre[0],
				centre[1]))
			.isLessThan(30);
		assertThat(hotspot.path("topCategories").get(0).path("code").asString()).isEqualTo(CATEGORY);
		assertThat(hotspot.path("topCategories").get(0).path("count").asLong()).isEqualTo(12);
		assertThat(hotspot.path("trend").path("previous").asLong()).isZero();
		assertThat(hotspot.path("trend").path("change").asLong()).isEqualTo(12);
		assertThat(center.get("/api/v1/warning/hotspots?regionId=" + this.townId + "&days=1").json().size())
			.as("the last day alone holds five of them: still a cluster of minPoints 5")
			.isLessThanOrEqualTo(1);

		// bad input names every bad field
		Response bad = center.get("/api/v1/warning/hotspots?days=0&categoryCode=NOPE-99");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("days", "categoryCode");

		// the backtest replays the same firing
		Map<String, Object> backtest = rule();
		backtest.put("days", 7);
		Response replayed = center.post("/api/v1/warning-rules/backtest", backtest);
		assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
		assertThat(replayed.json().path("total").asInt()).as(replayed.body()).isEqualTo(1);
		JsonNode firing = replayed.json().path("firings").get(0);
		assertThat(firing.path("count").asInt()).isEqualTo(10);
		assertThat(firing.path("eventIds").valueStream().map(JsonNode::asLong).toList()).isSubsetOf(clustered)
			.doesNotContainAnyElementsOf(scattered);

		// three days later the window holds none of them: the cluster dissolved
		this.clock.advance(Duration.ofDays(3));
		this.jobs.sweep();
		JsonNode cleared = center.get("/api/v1/alerts/" + alerts.get(0)).json();
		assertThat(cleared.path("status").asString()).isEqualTo("CLEARED");
		assertThat(cleared.path("closedBySystem").asBoolean()).isTrue();
		assertThat(this.jdbc.queryForList(
				"select count(*) from notification where kind = 'WARNING_ALERT' and subject_type = 'warning_alert'"
						+ " and subject_id = ? group by user_id",
				Integer.class, alerts.get(0)))
			.as("each of the town's centre staff was told once")
			.isNotEmpty()
			.containsOnly(1);
	}

	@Test
	void aRuleWithABadRadiusNamesIt() {
		ApiClient center = this.accounts.signedIn(this.port, "CENTER_STAFF", TOWN);
		Map<String, Object> rule = rule();
		rule.put("radiusMeters", 5);
		rule.put("windowHours", null);
		Response response = center.post("/api/v1/warning-rules", rule);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).contains("radiusMeters", "windowHours");
		assertThat(center.get("/api/v1/warning-rules/kinds").json().valueStream())
			.anySatisfy(kind -> assertThat(kind.path("kind").asString()).isEqualTo("HOTSPOT"));
	}

	/**
	 * Not a timed assertion: prints how long the hotspots of the demo town take (the
	 * report quotes it).
	 */
	@Test
	void theDemoTownsHotspotsAreMeasured() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Integer located = this.jdbc.queryForObject(
				"select count(*) from event where region_path like ? and reported_at >= now() - interval '90 days'",
				Integer.class, "%320505006/%");
		long best = Long.MAX_VALUE;
		int clusters = 0;
		for (int i = 0; i < 5; i++) {
			long started = System.nanoTime();
			Response response = center.get("/api/v1/warning/hotspots?days=90");
			best = Math.min(best, (System.nanoTime() - started) / 1_000_000);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			clusters = response.json().size();
		}
		System.out.println("Hotspots of the demo town over 90 days (" + located + " events): " + clusters
				+ " clusters, best of 5 requests " + best + " ms");
	}

	private Map<String, Object> rule() {
		Map<String, Object> rule = new HashMap<>();
		rule.put("name", "热点测试：150米内10起/3天");
		rule.put("kind", "HOTSPOT");
		rule.put("regionId", this.townId);
		rule.put("alertLevel", "ORANGE");
		rule.put("threshold", 10);
		rule.put("windowHours", 72);
		rule.put("radiusMeters", 150);
		rule.put("groupBy", "NONE");
		return rule;
	}

	private long report(ApiClient worker, double lon, double lat, String address) {
		Map<String, Object> report = new HashMap<>();
		report.put("categoryCode", CATEGORY);
		report.put("description", "热点测试：井盖破损");
		report.put("lon", lon);
		report.put("lat", lat);
		report.put("address", address);
		report.put("source", "GRID_WORKER");
		Response response = worker.post("/api/v1/events", report);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	private List<Long> alerts(long rule) {
		return this.jdbc.queryForList("select id from warning_alert where rule_id = ? order by id", Long.class, rule);
	}

	private static String box(double minLon, double minLat, double maxLon, double maxLat) {
		return """
				{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}""".formatted(minLon,
				minLat, maxLon, minLat, maxLon, maxLat, minLon, maxLat, minLon, minLat);
	}

}
