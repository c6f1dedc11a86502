package org.govgrid.console;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 统计报表 in the console (标准 7.2.9), in a real Chromium: the town leader opens 任务统计, 人员统计
 * and 考核评价; each table holds the rows {@code GET /api/v1/stats/<report>} answers for the
 * filters the page put in its address, the figures above it are their totals, the chart
 * canvas is drawn, a changed filter (去年, another area) brings the table the server's rows
 * for it, and 导出 Excel saves the server's xlsx of exactly those filters (header row, one
 * row per table row); an area above the leader's shows a clean error, not a table.
 * Screenshots land in {@code target/screenshots}.
 */
class ReportsConsoleBrowserIT extends BrowserTest {

	private static final String GRID_1 = "320505006001001";

	private static final String COMMUNITY = "狮山社区";

	private static final String COMMUNITY_CODE = "320505006001";

	private static final String PASSWORD = "Reports#Lead2026";

	@Test
	void theLeaderReadsFiltersAndExportsTheThreeReports() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		String deadline = Instant.now().plus(Duration.ofDays(2)).toString();
		long assignee = this.accounts.id("worker2");
		long first = center
			.post("/api/v1/dispatch/tasks", Map.of("title", "报表测试任务一", "assigneeId", assignee, "deadline", deadline))
			.json()
			.path("id")
			.asLong();
		assertThat(center
			.post("/api/v1/dispatch/tasks", Map.of("title", "报表测试任务二", "assigneeId", assignee, "deadline", deadline))
			.status()).isEqualTo(201);
		worker2.post("/api/v1/dispatch/tasks/" + first + "/start", Map.of());
		assertThat(worker2.post("/api/v1/dispatch/tasks/" + first + "/complete", Map.of("comment", "已完成")).status())
			.isEqualTo(200);
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.post("/api/v1/events", eventReport("CSGL-01", GRID_1, "GRID_WORKER", "报表测试：占道经营", "报表测试地址"))
			.status()).isEqualTo(201);

		this.accounts.initial("leader");
		Page page = newPage();
		signIn(page, "leader", org.govgrid.support.Accounts.INITIAL);
		changeInitialPassword(page, PASSWORD);
		ApiClient leader = new ApiClient(this.port);
		assertThat(leader.login("leader", PASSWORD).status()).isEqualTo(200);
		String thisYear = Integer.toString(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());

		// 任务统计: this year in the leader's town, the menu leads there
		page.navigate(url("/"));
		page.locator(".el-sub-menu__title", new Page.LocatorOptions().setHasText("统计分析")).click();
		page.locator(".el-menu-item", new Page.LocatorOptions().setHasText("任务统计")).click();
		page.waitForURL(Pattern.compile(".*/stats/tasks\\?.*from=" + thisYear + "-01-01.*"));
		JsonNode tasks = leader.get("/api/v1/stats/tasks?" + query(page)).json();
		assertThat(tasks.size()).isPositive();
		showsTheRows(page, tasks.size());
		assertThat(page.locator("[data-testid=figure-tasks] .figure-value"))
			.hasText(Long.toString(sum(tasks, "tasks")));
		JsonNode worker2Row = tasks.valueStream()
			.filter(r -> r.path("assigneeName").asString().equals("网格员二"))
			.findFirst()
			.orElseThrow();
		assertThat(tableRow(page, "网格员二").locator("td").nth(1))
			.hasText(Long.toString(worker2Row.path("tasks").asLong()));
		chartIsDrawn(page);
		shoot(page, "console-report-tasks");
		exportHas(page, "承办人", tasks.size());

		// 去年: the table follows the server's answer for last year
		page.locator("[data-testid=report-period] [data-period=lastYear]").click();
		page.waitForURL(Pattern.compile(".*from=" + (Integer.parseInt(thisYear) - 1) + "-01-01.*"));
		JsonNode lastYear = leader.get("/api/v1/stats/tasks?" + query(page)).json();
		showsTheRows(page, lastYear.size());
		if (lastYear.isEmpty()) {
			assertThat(page.locator("[data-testid=report-empty]")).isVisible();
			assertThat(page.locator("[data-testid=report-export]")).isDisabled();
		}

		// 人员统计: the town, then one community of it
		page.navigate(url("/stats/personnel"));
		page.waitForURL(Pattern.compile(".*/stats/personnel\\?.*regionId=.*"));
		JsonNode town = leader.get("/api/v1/stats/personnel?" + query(page)).json();
		showsTheRows(page, town.size());
		assertThat(page.locator("[data-testid=figure-reports] .figure-value"))
			.hasText(Long.toString(sum(town, "reports")));
		chartIsDrawn(page);
		String townUrl = page.url();
		page.locator("[data-testid=report-region] .el-select__wrapper").click();
		page.keyboard().type(COMMUNITY);
		page.locator(".el-tree-node__content:visible")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile(COMMUNITY_CODE + "\\s*$")))
			.first()
			.click();
		page.waitForURL(url -> !url.equals(townUrl));
		JsonNode community = leader.get("/api/v1/stats/personnel?" + query(page)).json();
		assertThat(query(page)).contains("regionId=" + this.accounts.region(COMMUNITY_CODE).id());
		showsTheRows(page, community.size());
		assertThat(page.locator("[data-testid=figure-workers] .figure-value"))
			.hasText(Integer.toString(community.size()));
		assertThat(tableRow(page, "网格员一")).isVisible();
		shoot(page, "console-report-personnel");
		exportHas(page, "姓名", community.size());

		// 考核评价: grid by grid
		page.navigate(url("/stats/assessment"));
		page.waitForURL(Pattern.compile(".*/stats/assessment\\?.*regionId=.*"));
		JsonNode grids = leader.get("/api/v1/stats/assessment?" + query(page)).json();
		assertThat(grids.size()).isPositive();
		showsTheRows(page, grids.size());
		assertThat(page.locator("[data-testid=figure-events] .figure-value"))
			.hasText(Long.toString(sum(grids, "events")));
		JsonNode grid1 = grids.valueStream()
			.filter(r -> r.path("gridCode").asString().equals(GRID_1))
			.findFirst()
			.orElseThrow();
		assertThat(tableRow(page, GRID_1).locator("td").nth(2)).hasText(Long.toString(grid1.path("events").asLong()));
		chartIsDrawn(page);
		shoot(page, "console-report-assessment");
		exportHas(page, "网格", grids.size());

		// an area above the leader's (the district) is not theirs to read: a clean error,
		// no table
		page.navigate(url("/stats/assessment?regionId=" + this.accounts.region("320505").id() + "&from=" + thisYear
				+ "-01-01&to=" + thisYear + "-01-31"));
		assertThat(page.locator("[data-testid=report-error]")).containsText("不在您的管辖范围内");
		assertThat(page.locator("[data-testid=report-table]")).hasCount(0);
		page.navigate(url("/stats/assessment"));
		assertThat(page.locator("[data-testid=report-table] .el-table__body tr")).hasCount(grids.size());

		// the same page in English
		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.reload();
		assertThat(page.locator("[data-testid=report-table] th").first()).hasText("Grid");
		chartIsDrawn(page);
		shoot(page, "console-report-assessment-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");
		page.context().close();
	}

	/** The page's filters, as it put them in its address. */
	private static String query(Page page) {
		String url = page.url();
		return url.substring(url.indexOf('?') + 1);
	}

	private static long sum(JsonNode rows, String field) {
		return rows.valueStream().mapToLong(r -> r.path(field).asLong()).sum();
	}

	private static Locator tableRow(Page page, String text) {
		return page.locator("[data-testid=report-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(text));
	}

	private static void showsTheRows(Page page, int rows) {
		assertThat(page.locator("[data-testid=report-rows]")).containsText(Pattern.compile("共 " + rows + " 行"));
		assertThat(page.locator("[data-testid=report-table] .el-table__body tr")).hasCount(rows);
	}

	/** The chart's canvas has ink on it, not just a box. */
	private static void chartIsDrawn(Page page) {
		Locator canvas = page.locator("[data-testid=report-chart] canvas").first();
		assertThat(canvas).isVisible();
		page.waitForTimeout(800);
		Object inked = canvas.evaluate("""
				c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
				       let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""");
		assertThat(((Number) inked).intValue()).as("painted pixels").isGreaterThan(2000);
	}

	/** 导出 Excel saves a real xlsx: the header row, then one row per table row. */
	private static void exportHas(Page page, String firstHeader, int rows) throws Exception {
		Download download = page.waitForDownload(() -> page.click("[data-testid=report-export]"));
		assertThat(download.suggestedFilename()).endsWith(".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(download.path()))) {
			Sheet sheet = book.getSheetAt(0);
			Row header = sheet.getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo(firstHeader);
			assertThat(sheet.getLastRowNum()).isEqualTo(rows);
		}
	}

}
