package org.govgrid.stats;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The dashboard against plain SQL over the events themselves: events reported over four
 * months through the API (reported, dispatched, handled on time and late, verified,
 * rated, flagged), then every figure for the town (daily rollups, before and after
 * folding) and for a community (facts) compared with a direct count; a rebuild from
 * scratch gives the same figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsDashboardIT extends ApiIntegrationTest {

	private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final String TOWN = "320505006";

	private static final String COMMUNITY = "320505006001";

	private static final String GRID_1 = "320505006001001";

	@Autowired
	TestClock clock;

	@Autowired
	RollupFolder folder;

	@Autowired
	StatsBackfill backfill;

	private LocalDate from;

	private LocalDate to;

	@BeforeAll
	void reportFourMonthsOfEvents() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		ApiClient leader = this.accounts.demo(this.port, "leader");
		try {
			for (int monthsAgo = 3; monthsAgo >= 0; monthsAgo--) {
				this.clock.reset();
				this.clock.advance(Duration.ofDays(-30L * monthsAgo - 2));
				long onTime = report(worker1, "CSGL-01", "准时办结" + monthsAgo);
				long late = report(worker1, "CSGL-02", "超时办结" + monthsAgo);
				long waiting = report(worker1, "CSGL-01", "已签收" + monthsAgo);
				report(worker1, "HJWS-01", "待受理" + monthsAgo);
				handle(deptCg, worker1, onTime);
				assertThat(leader.post("/api/v1/events/" + onTime + "/evaluate", Map.of("score", 5 - monthsAgo % 2))
					.status()).isEqualTo(200);
				deptCg.post("/api/v1/events/" + waiting + "/sign", Map.of());
				// past the 24 h limit of 城市管理 before it is handled
				this.clock.advance(Duration.ofHours(30));
				handle(deptCg, worker1, late);
			}
		}
		finally {
			this.clock.reset();
		}
		this.to = LocalDate.now(LOCAL);
		this.from = this.to.minusDays(100);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void everyFigureEqualsADirectCountOverTheEvents() {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		assertMatchesEvents(dashboard(leader, TOWN), TOWN);
		this.folder.fold();
		assertMatchesEvents(dashboard(leader, TOWN), TOWN);
		assertMatchesEvents(dashboard(chief1, COMMUNITY), COMMUNITY);
		assertMatchesEvents(dashboard(leader, COMMUNITY), COMMUNITY);
		assertMatchesEvents(dashboard(leader, GRID_1), GRID_1);
		JsonNode town = dashboard(leader, TOWN);
		assertThat(town.path("totalEvents").asLong()).isGreaterThanOrEqualTo(16);
		assertThat(town.path("timeliness").path("overdue").asLong()).isGreaterThanOrEqualTo(4);
		assertThat(town.path("byLevel").get(0).path("drill").path("regionId").asString())
			.isEqualTo(Long.toString(this.accounts.region(TOWN).id()));
	}

	@Test
	void aRebuildFromTheEventsGivesTheSameFigures() {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		JsonNode townBefore = dashboard(leader, TOWN);
		JsonNode communityBefore = dashboard(leader, COMMUNITY);
		this.jdbc.update("delete from stats_event_fact");
		this.jdbc.update("delete from stats_rollup");
		this.jdbc.update("delete from stats_delta");
		assertThat(dashboard(leader, TOWN).path("totalEvents").asLong()).isZero();
		assertThat(this.backfill.run())
			.isEqualTo(this.jdbc.queryForObject("select count(*) from event", Integer.class));
		assertThat(dashboard(leader, TOWN)).isEqualTo(townBefore);
		this.folder.fold();
		assertThat(dashboard(leader, TOWN)).isEqualTo(townBefore);
		assertThat(dashboard(leader, COMMUNITY)).isEqualTo(communityBefore);
		assertThat(this.backfill.run()).as("nothing left to build").isZero();
	}

	@Test
	void anAreaOutsideTheCallersIsNotFoundAndBadDatesAreNamed() {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		assertThat(chief1.get("/api/v1/stats/dashboard?regionId=" + this.accounts.region(TOWN).id()).status())
			.isEqualTo(404);
		assertThat(chief1.get("/api/v1/stats/dashboard?from=yesterday&to=2026-13-01").errorFields())
			.containsExactlyInAnyOrder("from", "to");
		assertThat(chief1.get("/api/v1/stats/dashboard?from=2026-11-02&to=2026-11-01").errorFields())
			.containsExactly("to");
		JsonNode own = chief1.get("/api/v1/stats/dashboard").json();
		assertThat(own.path("regionId").asLong()).isEqualTo(this.accounts.region(COMMUNITY).id());
		assertThat(own.path("from").asString()).endsWith("-01-01");
	}

	@Test
	void theQueryGroupsByUpToThreeDimensionsLikeSqlDoes() {
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode result = center
			.get("/api/v1/stats/query?regionId=" + this.accounts.region(TOWN).id() + "&from=" + this.from + "&to="
					+ this.to + "&dimensions=grid,topCategory&measures=count,closed,onTimeRate")
			.json();
		assertThat(result.path("dimensions")).hasSize(2);
		String path = this.accounts.region(TOWN).path();
		Map<String, Long> expected = new HashMap<>();
		this.jdbc.query("""
				select g.name || '/' || coalesce(c.parent_code, c.code) as k, count(*) as n
				from event e join region g on g.id = e.grid_id join event_category c on c.code = e.category_code
				where e.region_path like ? and (e.reported_at at time zone 'Asia/Shanghai')::date between ? and ?
				group by 1""", rs -> {
			expected.put(rs.getString("k"), rs.getLong("n"));
		}, path + "/%", this.from, this.to);
		Map<String, Long> actual = new HashMap<>();
		result.path("rows")
			.forEach(row -> actual.put(
					row.path("keys").get(0).path("name").asString() + "/"
							+ row.path("keys").get(1).path("key").asString(),
					row.path("values").path("count").asLong()));
		assertThat(actual).isEqualTo(expected);
		JsonNode grid1 = result.path("rows")
			.valueStream()
			.filter(row -> row.path("keys").get(0).path("key").asString().equals(GRID_1)
					&& row.path("keys").get(1).path("key").asString().equals("CSGL"))
			.findFirst()
			.orElseThrow();
		assertThat(grid1.path("keys").get(1).path("name").asString()).isEqualTo("城市管理");
		assertThat(grid1.path("values").path("onTimeRate").asDouble()).isBetween(0.0, 1.0);

		assertThat(center.get("/api/v1/stats/query?dimensions=grid,colour&measures=count,beauty&from=x").errorFields())
			.containsExactlyInAnyOrder("dimensions", "measures", "from");
		JsonNode total = center.get("/api/v1/stats/query?from=" + this.from + "&to=" + this.to + "&level=GENERAL")
			.json();
		assertThat(total.path("rows").get(0).path("values").path("count").asLong())
			.isEqualTo(this.jdbc.queryForObject("""
					select count(*) from event where region_path like ? and level = 'GENERAL'
					  and (reported_at at time zone 'Asia/Shanghai')::date between ? and ?""", Long.class, path + "/%",
					this.from, this.to));
	}

	@Test
	void thePersonnelReportCountsWhatEachWorkerDidAndExportsToXlsx() throws Exception {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		String query = "regionId=" + this.accounts.region(COMMUNITY).id() + "&from=" + this.from + "&to=" + this.to;
		JsonNode rows = chief1.get("/api/v1/stats/personnel?" + query).json();
		JsonNode worker1 = rows.valueStream()
			.filter(row -> row.path("name").asString().equals("网格员一"))
			.findFirst()
			.orElseThrow();
		assertThat(worker1.path("reports").asLong()).isEqualTo(this.jdbc.queryForObject("""
				select count(*) from event e join app_user u on u.id = e.reporter_id
				where u.username = 'worker1' and e.region_path like ?
				  and (e.reported_at at time zone 'Asia/Shanghai')::date between ? and ?""", Long.class,
				this.accounts.region(COMMUNITY).path() + "/%", this.from, this.to));
		assertThat(rows).extracting(row -> row.path("name").asString()).contains("网格员二");

		ApiClient.Response xlsx = chief1.get("/api/v1/stats/personnel.xlsx?" + query);
		assertThat(xlsx.status()).isEqualTo(200);
		assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(chief1.download("/api/v1/stats/personnel.xlsx?" + query)))) {
			org.apache.poi.ss.usermodel.Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("上报事件");
			assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
		}
		ApiClient.Response pivot = chief1.get("/api/v1/stats/query.xlsx?" + query + "&dimensions=grid,level");
		assertThat(pivot.status()).isEqualTo(200);
		assertThat(chief1.get("/api/v1/stats/personnel?from=tomorrow").errorFields()).containsExactly("from");
	}

	@Test
	void theTaskReportCountsEachAssigneesTasks() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		String query = "regionId=" + this.accounts.region(TOWN).id();
		java.util.function.Function<JsonNode, JsonNode> worker2Row = rows -> rows.valueStream()
			.filter(row -> row.path("assigneeName").asString().equals("网格员二"))
			.findFirst()
			.orElse(null);
		JsonNode before = worker2Row.apply(center.get("/api/v1/stats/tasks?" + query).json());
		long tasksBefore = before == null ? 0 : before.path("tasks").asLong();
		long doneBefore = before == null ? 0 : before.path("done").asLong();
		long assignee = this.accounts.id("worker2");
		String deadline = java.time.Instant.now().plus(Duration.ofDays(1)).toString();
		long first = center
			.post("/api/v1/dispatch/tasks", Map.of("title", "统计任务一", "assigneeId", assignee, "deadline", deadline))
			.json()
			.path("id")
			.asLong();
		center.post("/api/v1/dispatch/tasks", Map.of("title", "统计任务二", "assigneeId", assignee, "deadline", deadline));
		worker2.post("/api/v1/dispatch/tasks/" + first + "/start", Map.of());
		assertThat(worker2.post("/api/v1/dispatch/tasks/" + first + "/complete", Map.of("comment", "已完成")).status())
			.isEqualTo(200);
		JsonNode after = worker2Row.apply(center.get("/api/v1/stats/tasks?" + query).json());
		assertThat(after.path("tasks").asLong()).isEqualTo(tasksBefore + 2);
		assertThat(after.path("done").asLong()).isEqualTo(doneBefore + 1);
		assertThat(after.path("doneOnTime").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(center.get("/api/v1/stats/tasks.xlsx?" + query).status()).isEqualTo(200);
	}

	@Test
	void theAssessmentReportGoesGridByGrid() {
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		String query = "regionId=" + this.accounts.region(COMMUNITY).id() + "&from=" + this.from + "&to=" + this.to;
		JsonNode grid1 = chief1.get("/api/v1/stats/assessment?" + query)
			.json()
			.valueStream()
			.filter(row -> row.path("gridCode").asString().equals(GRID_1))
			.findFirst()
			.orElseThrow();
		assertThat(grid1.path("events").asLong()).isEqualTo(this.jdbc.queryForObject("""
				select count(*) from event e where e.region_path like ?
				  and (e.reported_at at time zone 'Asia/Shanghai')::date between ? and ?""", Long.class, "%/" + GRID_1,
				this.from, this.to));
		assertThat(grid1.path("gridName").asString()).isEqualTo("狮山社区第1网格");
		assertThat(grid1.path("onTimeRate").asDouble()).isBetween(0.0, 1.0);
		assertThat(chief1.get("/api/v1/stats/assessment.xlsx?" + query).status()).isEqualTo(200);
	}

	@Test
	void eachUserArrangesTheirOwnWidgets() {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		ApiClient center = this.accounts.demo(this.port, "center");
		leader.delete("/api/v1/stats/dashboard-layout");
		JsonNode standard = leader.get("/api/v1/stats/dashboard-layout").json();
		assertThat(standard.path("widgets").size()).isGreaterThan(4);
		java.util.List<Map<String, Object>> widgets = java.util.List.of(
				Map.of("type", "map", "x", 0, "y", 0, "w", 24, "h", 12, "option", "count"),
				Map.of("type", "timeliness", "x", 0, "y", 12, "w", 12, "h", 4));
		JsonNode saved = leader.put("/api/v1/stats/dashboard-layout", Map.of("widgets", widgets)).json();
		assertThat(saved.path("widgets")).hasSize(2);
		assertThat(leader.get("/api/v1/stats/dashboard-layout").json()).isEqualTo(saved);
		assertThat(center.get("/api/v1/stats/dashboard-layout").json().path("widgets").size())
			.as("another user keeps theirs")
			.isEqualTo(standard.path("widgets").size());
		assertThat(leader.put("/api/v1/stats/dashboard-layout",
				Map.of("widgets",
						java.util.List.of(Map.of("type", "horoscope", "x", 0, "y", 0, "w", 4, "h", 4),
								Map.of("type", "map", "x", 20, "y", 0, "w", 8, "h", 0))))
			.errorFields()).containsExactlyInAnyOrder("widgets[0].type", "widgets[1].w", "widgets[1].h");
		assertThat(leader.get("/api/v1/stats/dashboard-layout").json()).as("nothing half-written").isEqualTo(saved);
		assertThat(leader.delete("/api/v1/stats/dashboard-layout").status()).isEqualTo(204);
		assertThat(leader.get("/api/v1/stats/dashboard-layout").json()).isEqualTo(standard);
	}

	private long report(ApiClient worker, String category, String description) {
		JsonNode event = worker
			.post("/api/v1/events", eventReport(category, GRID_1, "GRID_WORKER", "统计测试：" + description, "统计测试地址"))
			.json();
		return event.path("id").asLong();
	}

	private void handle(ApiClient department, ApiClient worker, long id) {
		department.post("/api/v1/events/" + id + "/sign", Map.of());
		department.post("/api/v1/events/" + id + "/resolve", Map.of("comment", "已处置"));
		assertThat(worker.post("/api/v1/events/" + id + "/verify", Map.of("passed", true))
			.json()
			.path("status")
			.asString()).isEqualTo("CLOSED");
	}

	private JsonNode dashboard(ApiClient client, String regionCode) {
		return client
			.get("/api/v1/stats/dashboard?regionId=" + this.accounts.region(regionCode).id() + "&from=" + this.from
					+ "&to=" + this.to)
			.json();
	}

	private void assertMatchesEvents(JsonNode dashboard, String regionCode) {
		String path = this.accounts.region(regionCode).path();
		String reported = """
				from event e where (e.region_path = ? or e.region_path like ?)
				  and (e.reported_at at time zone 'Asia/Shanghai')::date between ? and ?""";
		Object[] args = { path, path + "/%", this.from, this.to };
		assertThat(dashboard.path("totalEvents").asLong())
			.isEqualTo(this.jdbc.queryForObject("select count(*) " + reported, Long.class, args));
		assertThat(shares(dashboard.path("byLevel"))).isEqualTo(counts("e.level", reported, args));
		assertThat(shares(dashboard.path("bySource"))).isEqualTo(counts("e.source", reported, args));
		assertThat(shares(dashboard.path("byStatus"))).isEqualTo(counts("e.status", reported, args));
		assertThat(shares(dashboard.path("byCategory"))).isEqualTo(
				counts("(select coalesce(c.parent_code, c.code) from event_category c where c.code = e.category_code)",
						reported, args));
		assertThat(dashboard.path("timeliness").path("overdue").asLong()).isEqualTo(this.jdbc.queryForObject(
				"select count(*) " + reported
						+ " and (e.flag = 'RED' or (e.closed_at is not null and e.closed_at > e.disposal_deadline))",
				Long.class, args));

		String closed = """
				from event e where (e.region_path = ? or e.region_path like ?) and e.status = 'CLOSED'
				  and (e.closed_at at time zone 'Asia/Shanghai')::date between ? and ?""";
		Map<String, Object> handling = this.jdbc.queryForMap(
				"""
						select count(*) as closed, count(*) filter (where e.closed_at <= e.disposal_deadline) as on_time,
						       avg(extract(epoch from e.closed_at - e.reported_at)) / 3600 as avg_hours,
						       percentile_cont(0.9) within group (order by extract(epoch from e.closed_at - e.reported_at)) / 3600
						           as p90_hours,
						       avg(e.score) as score
						"""
						+ closed,
				args);
		long closedCount = ((Number) handling.get("closed")).longValue();
		JsonNode timeliness = dashboard.path("timeliness");
		assertThat(timeliness.path("closed").asLong()).isEqualTo(closedCount);
		if (closedCount > 0) {
			assertThat(timeliness.path("onTimeRate").asDouble())
				.isCloseTo(((Number) handling.get("on_time")).doubleValue() / closedCount, within(0.0001));
			assertThat(timeliness.path("avgHandlingHours").asDouble())
				.isCloseTo(((Number) handling.get("avg_hours")).doubleValue(), within(0.01));
			double p90 = ((Number) handling.get("p90_hours")).doubleValue();
			int bucket = HandlingBuckets.of((long) (p90 * 3600));
			double lower = bucket == 0 ? 0 : HandlingBuckets.UPPER_HOURS[bucket - 1];
			assertThat(timeliness.path("p90HandlingHours").asDouble()).as("p90 within the exact value's bucket")
				.isBetween(lower - 0.01, HandlingBuckets.UPPER_HOURS[bucket] + 0.01);
		}
		if (handling.get("score") != null) {
			assertThat(dashboard.path("satisfaction").path("average").asDouble())
				.isCloseTo(((Number) handling.get("score")).doubleValue(), within(0.01));
		}

		Map<String, Long> reportedByMonth = counts("to_char(e.reported_at at time zone 'Asia/Shanghai', 'YYYY-MM')",
				reported, args);
		Map<String, Long> handledByMonth = counts("to_char(e.closed_at at time zone 'Asia/Shanghai', 'YYYY-MM')",
				closed, args);
		for (JsonNode month : dashboard.path("monthly")) {
			String key = month.path("month").asString();
			assertThat(month.path("reported").asLong()).as("reported in " + key)
				.isEqualTo(reportedByMonth.getOrDefault(key, 0L));
			assertThat(month.path("handled").asLong()).as("handled in " + key)
				.isEqualTo(handledByMonth.getOrDefault(key, 0L));
		}
		assertThat(dashboard.path("monthly")).hasSize((int) java.time.temporal.ChronoUnit.MONTHS
			.between(this.from.withDayOfMonth(1), this.to.withDayOfMonth(1)) + 1);
	}

	private static Map<String, Long> shares(JsonNode shares) {
		Map<String, Long> counts = new HashMap<>();
		shares.forEach(share -> counts.put(share.path("key").asString(), share.path("count").asLong()));
		return counts;
	}

	private Map<String, Long> counts(String expression, String from, Object[] args) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.query("select " + expression + " as k, count(*) as n " + from + " group by 1", rs -> {
			counts.put(rs.getString("k"), rs.getLong("n"));
		}, args);
		return counts;
	}

}
