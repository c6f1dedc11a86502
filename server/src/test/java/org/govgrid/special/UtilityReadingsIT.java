package org.govgrid.special;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.govgrid.support.TestIds;
import org.govgrid.warning.WarningSetup;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 水电煤气 end to end: meters registered on houses through the API, readings ingested as a
 * utility's feed sends them, the warning sweep (as the scheduler calls it) raising
 * {@code UTILITY_SILENCE} for a silent 独居老人 household and {@code UTILITY_SURGE} for a
 * surging flat, the backtest listing both, bad readings rejected with nothing
 * half-written, and the scope (another town's users see no meter of 狮山街道).
 */
class UtilityReadingsIT extends ApiIntegrationTest {

	private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final String TOWN = "320505006";

	private static final String GRID = "320505006003002";

	@Autowired
	TestClock clock;

	@Autowired
	WarningSetup warnings;

	@Autowired
	ApplicationContext context;

	@Autowired
	ReadingStore readingStore;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSilentHouseholdAndASurgingFlatRaiseAlertsThatTheBacktestLists() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = uniqueDigits();
		long elderly = house(center, "金山路" + tag + "号1幢101室");
		person(center, elderly, List.of(Map.of("tag", "ELDERLY_ALONE", "details", Map.of("careLevel", "DAILY"))));
		long flat = house(center, "金山路" + tag + "号2幢302室");
		for (int i = 0; i < 3; i++) {
			person(center, flat, List.of());
		}
		String waterNumber = "TW" + tag;
		String powerNumber = "TE" + tag;
		long water = meter(center, "WATER", waterNumber, elderly);
		long power = meter(center, "ELECTRICITY", powerNumber, flat);

		Instant now = this.clock.instant().truncatedTo(ChronoUnit.HOURS);
		// water: used every hour for ten days, then flat for the last 30 hours (the last
		// use 31 hours before the hour)
		List<Map<String, Object>> waterReadings = new ArrayList<>();
		double count = 100;
		for (Instant t = now.minus(Duration.ofDays(10)); !t.isAfter(now); t = t.plus(Duration.ofHours(1))) {
			if (t.isBefore(now.minus(Duration.ofHours(30)))) {
				count += 0.02;
			}
			waterReadings.add(reading(waterNumber, "WATER", t, Math.round(count * 1000) / 1000.0, true));
		}
		// electricity: about 9.6 kWh a day for 35 days, five times that since the day
		// before yesterday
		Instant surgeFrom = LocalDate.ofInstant(now, LOCAL).minusDays(2).atStartOfDay(LOCAL).toInstant();
		List<Map<String, Object>> powerReadings = new ArrayList<>();
		for (Instant t = now.minus(Duration.ofDays(35)); !t.isAfter(now); t = t.plus(Duration.ofHours(1))) {
			powerReadings.add(reading(powerNumber, "ELECTRICITY", t, t.isBefore(surgeFrom) ? 0.4 : 2.0, false));
		}
		JsonNode waterReport = ingest(center, waterReadings, 200).json();
		assertThat(waterReport.path("accepted").asInt()).isEqualTo(waterReadings.size());
		assertThat(waterReport.path("rejected").size()).isZero();
		assertThat(ingest(center, powerReadings, 200).json().path("accepted").asInt()).isEqualTo(powerReadings.size());
		JsonNode again = ingest(center, waterReadings.subList(0, 50), 200).json();
		assertThat(again.path("accepted").asInt()).as("a re-sent batch stores nothing").isZero();
		assertThat(again.path("duplicates").asInt()).isEqualTo(50);

		JsonNode series = center
			.get("/api/v1/special/meters/" + power + "/readings?from=" + LocalDate.ofInstant(now, LOCAL).minusDays(6)
					+ "&to=" + LocalDate.ofInstant(now, LOCAL))
			.json();
		assertThat(series.path("days").size()).isEqualTo(7);
		JsonNode yesterday = series.path("days").get(5);
		assertThat(yesterday.path("usage").asDouble()).isEqualTo(48.0);
		assertThat(yesterday.path("readings").asInt()).isEqualTo(24);
		assertThat(series.path("days").get(0).path("usage").asDouble()).isEqualTo(9.6);
		assertThat(series.path("unit").asString()).isEqualTo("kWh");

		long town = this.accounts.region(TOWN).id();
		long silenceRule = this.warnings.signalRule("独居老人无用水" + tag, "UTILITY_SILENCE", town, 24, null, null, "ORANGE",
				null);
		long surgeRule = this.warnings.signalRule("用电突增" + tag, "UTILITY_SURGE", town, 5, null, 3.0, "YELLOW", null);
		sweep();
		long silenceAlert = alert(silenceRule, "meter:" + water);
		long surgeAlert = alert(surgeRule, "meter:" + power);
		JsonNode silence = center.get("/api/v1/alerts/" + silenceAlert).json();
		assertThat(silence.path("ruleKind").asString()).isEqualTo("UTILITY_SILENCE");
		assertThat(silence.path("detail").asString()).contains("独居老人户", waterNumber, "读数仍在正常上传");
		assertThat(silence.path("value").asDouble()).isBetween(31.0, 32.0);
		JsonNode surge = center.get("/api/v1/alerts/" + surgeAlert).json();
		assertThat(surge.path("ruleKind").asString()).isEqualTo("UTILITY_SURGE");
		assertThat(surge.path("detail").asString()).contains(powerNumber, "中位数");
		assertThat(surge.path("value").asDouble()).isEqualTo(48.0);
		assertThat(surge.path("limit").asDouble()).isEqualTo(28.8);
		sweep();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from warning_alert where rule_id in (?, ?)" + " and alert_key in (?, ?)",
				Integer.class, silenceRule, surgeRule, "meter:" + water, "meter:" + power))
			.as("a second sweep raises nothing new")
			.isEqualTo(2);

		// the water flows again: the next sweep clears the silence
		ingest(center, List.of(reading(waterNumber, "WATER", this.clock.instant(), count + 0.05, true)), 200);
		sweep();
		assertThat(
				this.jdbc.queryForObject("select status from warning_alert where id = ?", String.class, silenceAlert))
			.isEqualTo("CLEARED");

		JsonNode silenceBacktest = backtest(center,
				Map.of("kind", "UTILITY_SILENCE", "regionId", town, "threshold", 24, "days", 30));
		assertThat(keys(silenceBacktest)).contains("meter:" + water);
		assertThat(keys(backtest(center,
				Map.of("kind", "UTILITY_SURGE", "regionId", town, "threshold", 5, "spikeK", 3.0, "days", 30))))
			.contains("meter:" + power)
			.doesNotContain("meter:" + water);
	}

	@Test
	void badReadingsAreRejectedWithNothingHalfWritten() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = uniqueDigits();
		long house = house(center, "竹园路" + tag + "号");
		String number = "BW" + tag;
		long meter = meter(center, "WATER", number, house);
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.SECONDS);

		Response unknown = ingest(center, List.of(reading("NOSUCH" + tag, "WATER", now, 1.0, true)), 400);
		assertThat(unknown.errorFields()).containsExactly("readings[0].meterNumber");
		Response negative = ingest(center, List.of(reading(number, "WATER", now, -0.5, false)), 400);
		assertThat(negative.errorFields()).containsExactly("readings[0].value");
		Response future = ingest(center, List.of(reading(number, "WATER", now.plus(Duration.ofMinutes(10)), 1, true)),
				400);
		assertThat(future.errorFields()).containsExactly("readings[0].time");
		Map<String, Object> empty = new HashMap<>();
		empty.put("meterNumber", number);
		Response missing = ingest(center, List.of(empty), 400);
		assertThat(missing.errorFields()).containsExactlyInAnyOrder("readings[0].kind", "readings[0].time",
				"readings[0].value", "readings[0].cumulative");
		assertThat(readings(meter)).as("nothing written").isZero();

		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 5001; i++) {
			tooMany.add(reading(number, "WATER", now.minusSeconds(i), 1, false));
		}
		assertThat(ingest(center, tooMany, 400).errorFields()).containsExactly("readings");

		// good rows are stored beside the rejected ones, each reported with its index
		JsonNode mixed = ingest(center,
				List.of(reading(number, "WATER", now.minus(Duration.ofHours(2)), 10.0, true),
						reading(number, "WATER", now.minus(Duration.ofHours(1)), 9.0, true),
						reading("NOSUCH" + tag, "GAS", now, -1, false), reading(number, "WATER", now, 10.5, true)),
				200)
			.json();
		assertThat(mixed.path("accepted").asInt()).isEqualTo(2);
		assertThat(mixed.path("rejected").size()).isEqualTo(2);
		assertThat(mixed.path("rejected").get(0).path("index").asInt()).isEqualTo(1);
		assertThat(mixed.path("rejected").get(0).path("errors").get(0).path("message").asString())
			.contains("累计读数小于上一次读数");
		assertThat(mixed.path("rejected").get(1).path("index").asInt()).isEqualTo(2);
		assertThat(readings(meter)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select usage from utility_reading where meter_id = ? order by read_at desc" + " limit 1", Double.class,
				meter))
			.as("interval usage derived from the cumulative count")
			.isEqualTo(0.5);

		// a late reading between stored ones corrects the usage of the one after it
		ingest(center, List.of(reading(number, "WATER", now.minus(Duration.ofMinutes(30)), 10.2, true)), 200);
		assertThat(this.jdbc.queryForList("select usage from utility_reading where meter_id = ? order by read_at",
				Double.class, meter))
			.containsExactly(null, 0.2, 0.3);
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		assertThat(ingest(worker, List.of(reading(number, "WATER", now, 11, true)), 403).status()).isEqualTo(403);
	}

	@Test
	void intervalReadingsSentAgainAreDuplicatesAndAConcurrentWriterCostsNoReading() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = uniqueDigits();
		long house = house(center, "桐泾路" + tag + "号");
		String number = "IE" + tag;
		long meter = meter(center, "ELECTRICITY", number, house);
		Instant hour = this.clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(10));
		List<Map<String, Object>> batch = new ArrayList<>();
		for (int h = 0; h < 6; h++) {
			batch.add(reading(number, "ELECTRICITY", hour.plus(Duration.ofHours(h)), 0.5 + h, false));
		}
		assertThat(ingest(center, batch, 200).json().path("accepted").asInt()).isEqualTo(6);
		JsonNode again = ingest(center, batch, 200).json();
		assertThat(again.path("accepted").asInt()).isZero();
		assertThat(again.path("duplicates").asInt()).isEqualTo(6);

		// a reading another writer stored after this batch looked: the bulk COPY meets
		// it,
		// goes back to its savepoint and the batch still stores every other reading once
		Instant taken = hour.plus(Duration.ofHours(7));
		List<ReadingStore.Row> rows = List.of(
				new ReadingStore.Row(meter, hour.plus(Duration.ofHours(6)), 1, false, 1.0),
				new ReadingStore.Row(meter, taken, 2, false, 2.0));
		Integer stored = this.transactions.execute(status -> {
			this.jdbc.update("insert into utility_reading (meter_id, read_at, value, cumulative, usage)"
					+ " values (?, ?, 2, false, 2)", meter, Timestamp.from(taken));
			return this.readingStore.insert(rows);
		});
		assertThat(stored).isEqualTo(1);
		assertThat(readings(meter)).isEqualTo(8);
	}

	@Test
	void anotherTownSeesNoMeterOfShishan() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = uniqueDigits();
		long house = house(center, "何山路" + tag + "号");
		String number = "SW" + tag;
		long meter = meter(center, "WATER", number, house);
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		assertThat(worker3.get("/api/v1/special/meters/" + meter).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/special/meters/" + meter + "/readings").status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/special/meters?keyword=" + tag).json().path("total").asInt()).isZero();
		ApiClient otherCentre = this.accounts.signedIn(this.port, "CENTER_STAFF", "320505007");
		assertThat(otherCentre
			.put("/api/v1/special/meters/" + meter, Map.of("kind", "WATER", "meterNumber", number, "houseId", house))
			.status()).isEqualTo(404);
		Response foreign = ingest(otherCentre,
				List.of(reading(number, "WATER", this.clock.instant().minusSeconds(60), 1, true)), 400);
		assertThat(foreign.errorFields()).as("a meter of another town is unknown")
			.containsExactly("readings[0].meterNumber");
		assertThat(otherCentre
			.post("/api/v1/special/meters", Map.of("kind", "GAS", "meterNumber", "X" + tag, "houseId", house))
			.errorFields()).containsExactly("houseId");
		assertThat(
				center.post("/api/v1/special/meters", Map.of("kind", "WATER", "meterNumber", number, "houseId", house))
					.status())
			.as("one number per kind")
			.isEqualTo(409);
		assertThat(center.post("/api/v1/special/meters", Map.of("kind", "STEAM", "meterNumber", "", "houseId", -1))
			.errorFields()).containsExactlyInAnyOrder("kind", "meterNumber", "houseId");
		JsonNode listed = center.get("/api/v1/special/meters?kind=WATER&keyword=" + tag).json();
		assertThat(listed.path("total").asInt()).isEqualTo(1);
		assertThat(listed.path("items").get(0).path("gridId").asLong()).isEqualTo(this.accounts.region(GRID).id());
		ApiClient chief = this.accounts.demo(this.port, "chief1");
		assertThat(chief.post("/api/v1/special/meters", Map.of()).status()).isEqualTo(403);
	}

	@Test
	void aReadingsSheetStoresTheGoodRowsAndNamesTheBadCells() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = uniqueDigits();
		long house = house(center, "枫桥路" + tag + "号");
		String number = "IW" + tag;
		long meter = meter(center, "WATER", number, house);
		java.time.LocalDateTime base = java.time.LocalDateTime.ofInstant(this.clock.instant(), LOCAL)
			.minusHours(5)
			.truncatedTo(ChronoUnit.HOURS);
		java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
		String csv = "表号,表计类型,读数时间,读数,是否累计\r\n" + number + ",WATER," + base.format(local) + ",100,是\r\n" + number
				+ ",WATER," + base.plusHours(1).format(local) + ",101.5,是\r\n" + number + ",WATER,昨天,102,是\r\n"
				+ "NOSUCH" + tag + ",WATER," + base.plusHours(2).format(local) + ",5,否\r\n";
		Response submitted = center.upload("/api/v1/imports?kind=utility-readings", "readings.csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
		long id = submitted.json().path("id").asLong();
		JsonNode job;
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		do {
			Thread.sleep(200);
			job = center.get("/api/v1/imports/" + id).json();
		}
		while (!List.of("DONE", "FAILED").contains(job.path("status").asString()) && System.nanoTime() < deadline);
		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("rowsOk").asInt()).isEqualTo(2);
		assertThat(job.path("rowsFailed").asInt()).isEqualTo(2);
		List<String> errors = new ArrayList<>();
		center.get("/api/v1/imports/" + id + "/errors")
			.json()
			.forEach(e -> errors.add(e.path("row").asInt() + " " + e.path("column").asString()));
		assertThat(errors).containsExactlyInAnyOrder("4 读数时间", "5 表号");
		assertThat(readings(meter)).isEqualTo(2);
		assertThat(this.jdbc.queryForList("select usage from utility_reading where meter_id = ? order by read_at",
				Double.class, meter))
			.as("the sheet's cumulative counts give the interval usage")
			.containsExactly(null, 1.5);
	}

	private void sweep() throws Exception {
		Object jobs = AopTestUtils.getUltimateTargetObject(this.context.getBean("warningJobs"));
		Method sweep = jobs.getClass().getDeclaredMethod("sweep");
		sweep.setAccessible(true);
		sweep.invoke(jobs);
	}

	private long alert(long rule, String key) {
		List<Long> ids = this.jdbc.queryForList("select id from warning_alert where rule_id = ? and alert_key = ?",
				Long.class, rule, key);
		assertThat(ids).as("one alert of rule %d for %s", rule, key).hasSize(1);
		return ids.get(0);
	}

	private static List<String> keys(JsonNode backtest) {
		List<String> keys = new ArrayList<>();
		backtest.path("firings").forEach(f -> keys.add(f.path("key").asString()));
		return keys;
	}

	private JsonNode backtest(ApiClient center, Map<String, Object> rule) {
		Response response = center.post("/api/v1/warning-rules/backtest", rule);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private int readings(long meter) {
		return this.jdbc.queryForObject("select count(*) from utility_reading where meter_id = ?", Integer.class,
				meter);
	}

	private static Response ingest(ApiClient client, List<Map<String, Object>> readings, int status) {
		Response response = client.post("/api/v1/special/utility-readings", Map.of("readings", readings));
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		return response;
	}

	private static Map<String, Object> reading(String number, String kind, Instant time, double value,
			boolean cumulative) {
		return Map.of("meterNumber", number, "kind", kind, "time", time.toString(), "value", value, "cumulative",
				cumulative);
	}

	private long house(ApiClient client, String address) {
		double[] point = center(GRID);
		Map<String, Object> body = new HashMap<>();
		body.put("address", address);
		body.put("use", "RESIDENTIAL");
		body.put("gridId", this.accounts.region(GRID).id());
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		Response created = client.post("/api/v1/houses", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private void person(ApiClient client, long houseId, List<Map<String, Object>> tags) {
		Map<String, Object> body = new HashMap<>();
		body.put("idNumber", TestIds.idNumber(LocalDate.of(1940, 3, 3), "2"));
		body.put("name", "表计测试");
		body.put("householdType", "REGISTERED");
		body.put("gridId", this.accounts.region(GRID).id());
		body.put("currentAddress", "狮山街道测试地址");
		body.put("houseId", houseId);
		body.put("tags", tags);
		Response created = client.post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

	private static long meter(ApiClient client, String kind, String number, long houseId) {
		Response created = client.post("/api/v1/special/meters",
				Map.of("kind", kind, "meterNumber", number, "houseId", houseId));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("kind").asString()).isEqualTo(kind);
		return created.json().path("id").asLong();
	}

	private static String uniqueDigits() {
		return String.valueOf(ThreadLocalRandom.current().nextInt(100000, 999999));
	}

}
