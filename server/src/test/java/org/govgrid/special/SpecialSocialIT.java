package org.govgrid.special;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.govgrid.warning.SweepFromOtherModules;
import org.govgrid.warning.WarningSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public opinion and crowd flow on the running platform with the demo data: the demo's
 * rush-hour peak by the station raises a CROWD_DENSITY alert through the scheduled sweep
 * and the backtest lists it; a burst of negative items raises OPINION_BURST; bad batches
 * are one clean 400 naming every bad field with nothing written (or, with
 * {@code partial}, a row report); and the other town sees none of it.
 */
class SpecialSocialIT extends ApiIntegrationTest {

	private static final String TOWN = "320505006";

	// a grid no other test feeds opinions about
	private static final String BURST_GRID = "320505006003004";

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationContext context;

	@Autowired
	WarningSetup warnings;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void theDemoRushHourPeakRaisesACrowdDensityAlertAndTheBacktestListsIt() {
		long station = this.accounts.region(SocialDemo.STATION_GRID).id();
		long town = this.accounts.region(TOWN).id();
		Instant last = this.jdbc
			.queryForObject("select max(bucket_start) from crowd_count where grid_id = ?", Timestamp.class, station)
			.toInstant();
		// the sweep runs a few minutes into the demo's last quarter hour
		this.clock.advance(Duration.between(this.clock.instant(), last.plus(Duration.ofMinutes(5))));
		long rule = this.jdbc.queryForObject(
				"select id from warning_rule where kind = 'CROWD_DENSITY' and region_id = ? order by id limit 1",
				Long.class, town);

		SweepFromOtherModules.sweep(this.context);
		List<Long> alerts = this.jdbc.queryForList(
				"select id from warning_alert where rule_id = ? and region_id = ? and closed_at is null", Long.class,
				rule, station);
		assertThat(alerts).as("one alert for the station grid").hasSize(1);
		assertThat(this.jdbc.queryForList("select region_id from warning_alert where rule_id = ? and closed_at is null",
				Long.class, rule))
			.as("the ordinary rush hours of the other grids stay below the rule")
			.containsOnly(station);
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode alert = center.get("/api/v1/alerts/" + alerts.get(0)).json();
		assertThat(alert.path("ruleKind").asString()).isEqualTo("CROWD_DENSITY");
		assertThat(alert.path("value").asDouble()).isGreaterThanOrEqualTo(2600);
		assertThat(alert.path("value").asDouble()).isGreaterThan(alert.path("limit").asDouble());
		assertThat(alert.path("detail").asString()).contains("狮山社区第4网格").contains("人员密集");
		assertThat(alert.path("lon").isNumber()).isTrue();

		SweepFromOtherModules.sweep(this.context);
		assertThat(this.jdbc.queryForList(
				"select id from warning_alert where rule_id = ? and region_id = ? and closed_at is null", Long.class,
				rule, station))
			.as("a second sweep raises nothing new")
			.containsExactlyElementsOf(alerts);

		Map<String, Object> backtest = new HashMap<>();
		backtest.put("kind", "CROWD_DENSITY");
		backtest.put("regionId", town);
		backtest.put("threshold", SocialDemo.CROWD_THRESHOLD);
		backtest.put("spikeK", SocialDemo.CROWD_FACTOR);
		backtest.put("days", 7);
		Response replay = center.post("/api/v1/warning-rules/backtest", backtest);
		assertThat(replay.status()).as(replay.body()).isEqualTo(200);
		List<String> firings = new ArrayList<>();
		replay.json()
			.path("firings")
			.forEach(f -> firings.add(f.path("regionId").asLong() + "@" + f.path("at").asString()));
		assertThat(firings).contains(station + "@" + last);
	}

	@Test
	void aBurstOfNegativeItemsAboutOneGridRaisesOpinionBurst() {
		long town = this.accounts.region(TOWN).id();
		long grid = this.accounts.region(BURST_GRID).id();
		long rule = this.warnings.signalRule("金色社区第4网格舆情" + UUID.randomUUID(), "OPINION_BURST", town, 3, 2, null,
				"YELLOW", null);
		ApiClient center = this.accounts.demo(this.port, "center");
		Instant now = this.clock.instant();
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			items.add(item("金色社区第4网格第" + i + "次停水，居民很不满", -0.6, now.minus(Duration.ofMinutes(10 + i))));
		}
		items.add(item("金色社区第4网格的绿化很好", 0.8, now.minus(Duration.ofMinutes(5))));
		Response fed = center.post("/api/v1/special/opinions", Map.of("items", items));
		assertThat(fed.status()).as(fed.body()).isEqualTo(200);
		assertThat(fed.json().path("accepted").asInt()).isEqualTo(4);

		SweepFromOtherModules.sweep(this.context);
		List<Long> alerts = this.jdbc.queryForList("select id from warning_alert where rule_id = ? and region_id = ?",
				Long.class, rule, grid);
		assertThat(alerts).hasSize(1);
		JsonNode alert = center.get("/api/v1/alerts/" + alerts.get(0)).json();
		assertThat(alert.path("ruleKind").asString()).isEqualTo("OPINION_BURST");
		assertThat(alert.path("value").asDouble()).as("the positive item does not count").isEqualTo(3);
		assertThat(alert.path("detail").asString()).contains("金色社区第4网格");

		Map<String, Object> backtest = new HashMap<>();
		backtest.put("kind", "OPINION_BURST");
		backtest.put("regionId", town);
		backtest.put("threshold", 3);
		backtest.put("windowHours", 2);
		backtest.put("days", 1);
		Response replay = center.post("/api/v1/warning-rules/backtest", backtest);
		assertThat(replay.status()).as(replay.body()).isEqualTo(200);
		List<Long> regions = new ArrayList<>();
		replay.json().path("firings").forEach(f -> regions.add(f.path("regionId").asLong()));
		assertThat(regions).contains(grid);
	}

	@Test
	void opinionsAreMatchedToTheirPlacesListedAndIdempotent() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Map<String, Object> item = item("竹园菜市场旁金山花园8幢楼道堆物", -0.4, this.clock.instant().minusSeconds(60));
		Response first = center.post("/api/v1/special/opinions", Map.of("items", List.of(item, item)));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().path("accepted").asInt()).isEqualTo(1);
		assertThat(first.json().path("duplicates").asInt()).as("twice in the batch").isEqualTo(1);
		Response again = center.post("/api/v1/special/opinions", Map.of("items", List.of(item)));
		assertThat(again.json().path("duplicates").asInt()).isEqualTo(1);
		assertThat(again.json().path("accepted").asInt()).isZero();

		JsonNode found = center.get("/api/v1/special/opinions?q=" + enc("金山花园8幢楼道堆物")).json();
		assertThat(found.path("total").asInt()).isEqualTo(1);
		JsonNode view = found.path("items").get(0);
		assertThat(view.path("regionName").asString()).isEqualTo("狮山社区第1网格");
		assertThat(view.path("tone").asString()).isEqualTo("NEGATIVE");
		assertThat(view.path("regions").get(0).path("term").asString()).isIn("竹园菜市场", "金山花园8幢1单元601室", "金山花园");

		JsonNode negative = center.get("/api/v1/special/opinions?sentiment=NEGATIVE&size=200").json();
		assertThat(negative.path("total").asInt()).isGreaterThanOrEqualTo(5);
		negative.path("items").forEach(i -> assertThat(i.path("sentiment").asDouble()).isLessThanOrEqualTo(-0.3));
		Response badFilter = center.get("/api/v1/special/opinions?sentiment=ANGRY&from=yesterday");
		assertThat(badFilter.status()).isEqualTo(400);
		assertThat(badFilter.errorFields()).contains("sentiment", "from");
	}

	@Test
	void badBatchesAreOneCleanProblemWithNothingWrittenOrARowReport() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Instant now = this.clock.instant();
		Instant old = CrowdLimits.bucketOf(now.minus(Duration.ofDays(50 + (now.getEpochSecond() % 20))));
		String grid = "320505006002003";
		List<Map<String, Object>> counts = List.of(count(grid, old.plusSeconds(7 * 60), 5), count(grid, old, -1),
				count("320505006009009", old, 3), count(grid, CrowdLimits.bucketOf(now).plus(CrowdLimits.BUCKET), 4),
				count(grid, old, 42));
		Response bad = center.post("/api/v1/special/crowd-flow", Map.of("counts", counts));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("counts[0].bucketStart", "counts[1].people",
				"counts[2].gridCode", "counts[3].bucketStart");
		assertThat(stored(grid, old)).as("nothing half-written").isNull();

		Response partial = center.post("/api/v1/special/crowd-flow?partial=true", Map.of("counts", counts));
		assertThat(partial.status()).as(partial.body()).isEqualTo(200);
		assertThat(partial.json().path("accepted").asInt()).isEqualTo(1);
		List<Integer> rejected = new ArrayList<>();
		partial.json().path("rejected").forEach(r -> rejected.add(r.path("index").asInt()));
		assertThat(rejected).containsExactly(0, 1, 2, 3);
		assertThat(stored(grid, old)).isEqualTo(42);

		Response same = center.post("/api/v1/special/crowd-flow", Map.of("counts", List.of(count(grid, old, 42))));
		assertThat(same.json().path("duplicates").asInt()).isEqualTo(1);
		Response corrected = center.post("/api/v1/special/crowd-flow", Map.of("counts", List.of(count(grid, old, 50))));
		assertThat(corrected.json().path("replaced").asInt()).isEqualTo(1);
		assertThat(stored(grid, old)).isEqualTo(50);

		String url = "https://news.example.cn/" + UUID.randomUUID();
		Map<String, Object> good = item("何山社区的新闻", 0.2, now.minusSeconds(30));
		good.put("url", url);
		Map<String, Object> outOfRange = item("情感值越界", 1.5, now.minusSeconds(30));
		Map<String, Object> future = item("来自未来", -0.5, now.plus(Duration.ofHours(2)));
		Map<String, Object> untitled = item("", -0.5, now.minusSeconds(30));
		Response badItems = center.post("/api/v1/special/opinions",
				Map.of("items", List.of(outOfRange, future, untitled, good)));
		assertThat(badItems.status()).as(badItems.body()).isEqualTo(400);
		assertThat(badItems.errorFields()).containsExactlyInAnyOrder("items[0].sentiment", "items[1].publishedAt",
				"items[2].title");
		assertThat(this.jdbc.queryForObject("select count(*) from opinion_item where url = ?", Integer.class, url))
			.isZero();
	}

	@Test
	void cellsAreMappedToGridsByTheirPolygonAndRemembered() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String gridCode = "320505006002004";
		double[] c = center(gridCode);
		double d = 0.0004;
		Map<String, Object> polygon = Map.of("type", "Polygon", "coordinates",
				List.of(List.of(List.of(c[0] - d, c[1] - d), List.of(c[0] + d, c[1] - d), List.of(c[0] + d, c[1] + d),
						List.of(c[0] - d, c[1] + d), List.of(c[0] - d, c[1] - d))));
		String cell = "cell-" + UUID.randomUUID().toString().substring(0, 8);
		Instant bucket = CrowdLimits.bucketOf(this.clock.instant().minus(Duration.ofDays(40)));
		Map<String, Object> withPolygon = new HashMap<>(
				Map.of("cellId", cell, "polygon", polygon, "bucketStart", bucket.toString(), "people", 30));
		Map<String, Object> alone = Map.of("cellId", cell, "bucketStart", bucket.plus(CrowdLimits.BUCKET).toString(),
				"people", 12);
		Response fed = center.post("/api/v1/special/crowd-flow", Map.of("counts", List.of(withPolygon)));
		assertThat(fed.status()).as(fed.body()).isEqualTo(200);
		Response byCell = center.post("/api/v1/special/crowd-flow", Map.of("counts", List.of(alone)));
		assertThat(byCell.status()).as(byCell.body()).isEqualTo(200);
		assertThat(stored(gridCode, bucket)).isEqualTo(30);
		assertThat(stored(gridCode, bucket.plus(CrowdLimits.BUCKET))).isEqualTo(12);
		Response unknown = center.post("/api/v1/special/crowd-flow", Map.of("counts",
				List.of(Map.of("cellId", "never-seen", "bucketStart", bucket.toString(), "people", 1))));
		assertThat(unknown.errorFields()).containsExactly("counts[0].cellId");
	}

	@Test
	void theHeatLayerShowsEveryGridOfTheAreaAndTheOtherTownSeesNothingOfIt() {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		long town = this.accounts.region(TOWN).id();
		long station = this.accounts.region(SocialDemo.STATION_GRID).id();
		Instant last = this.jdbc
			.queryForObject("select max(bucket_start) from crowd_count where grid_id = ?", Timestamp.class, station)
			.toInstant();
		JsonNode snapshot = leader.get("/api/v1/special/crowd-flow?regionId=" + town + "&at=" + last).json();
		assertThat(snapshot.path("bucketStart").asString()).isEqualTo(last.toString());
		assertThat(snapshot.path("grids").size()).isGreaterThanOrEqualTo(12);
		JsonNode stationGrid = null;
		for (JsonNode g : snapshot.path("grids")) {
			if (g.path("gridId").asLong() == station) {
				stationGrid = g;
			}
		}
		assertThat(stationGrid.path("people").asInt()).isGreaterThanOrEqualTo(2600);
		assertThat(stationGrid.path("usual").asDouble()).isPositive();
		assertThat(stationGrid.path("boundary").path("type").asString()).isEqualTo("Polygon");
		assertThat(snapshot.path("max").asInt()).isEqualTo(stationGrid.path("people").asInt());

		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		assertThat(worker3.get("/api/v1/special/crowd-flow?regionId=" + town).status()).isEqualTo(404);
		long item = this.jdbc.queryForObject("select id from opinion_item where url = ?", Long.class,
				"https://demo.govgrid.example/opinion/1");
		assertThat(worker3.get("/api/v1/special/opinions/" + item).status()).isEqualTo(404);
		JsonNode seen = worker3.get("/api/v1/special/opinions?size=200").json();
		seen.path("items").forEach(i -> assertThat(i.path("id").asLong()).isNotEqualTo(item));
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.get("/api/v1/special/opinions/" + item).json().path("regionName").asString())
			.isEqualTo("狮山社区第1网格");
	}

	private Integer stored(String gridCode, Instant bucket) {
		return this.jdbc.queryForList("""
				select c.people from crowd_count c join region g on g.id = c.grid_id
				where g.code = ? and c.bucket_start = ?""", Integer.class, gridCode, Timestamp.from(bucket))
			.stream()
			.findFirst()
			.orElse(null);
	}

	private static Map<String, Object> count(String gridCode, Instant bucket, int people) {
		return Map.of("gridCode", gridCode, "bucketStart", bucket.toString(), "people", people);
	}

	private static Map<String, Object> item(String title, double sentiment, Instant published) {
		Map<String, Object> item = new HashMap<>();
		item.put("source", "微博");
		item.put("url", "https://weibo.example.cn/" + UUID.randomUUID());
		item.put("title", title);
		item.put("text", title + "，希望有关部门尽快处理。");
		item.put("publishedAt", published.toString());
		item.put("sentiment", sentiment);
		item.put("keywords", List.of("民生"));
		return item;
	}

	private static String enc(String text) {
		return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
	}

}
