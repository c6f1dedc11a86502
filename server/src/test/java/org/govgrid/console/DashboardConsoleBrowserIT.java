package org.govgrid.console;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Position;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 统计分析 in the console, in a real Chromium: events reported through the API, then the town
 * leader's first sign-in lands on the 驾驶舱, whose total equals
 * {@code GET /api/v1/stats/dashboard} for the same area and range; the grid map draws the
 * town's grids; a click on the first level slice opens the event list filtered by that
 * level, area and range (the list's total equals the API's); a widget removed in 编辑布局
 * stays removed after a reload and 恢复默认 brings it back; the 指挥大屏 shows the same total;
 * 多维统计 by grid and level shows the server's count. Rankings and alerts are checked
 * against their endpoints where the server has them, else their pages must show a clean
 * "not available" state. Screenshots land in {@code target/screenshots}.
 */
class DashboardConsoleBrowserIT extends BrowserTest {

	private static final String GRID_1 = "320505006001001";

	private static final String TOWN = "320505006";

	// a grid no other test reports in
	private static final String ALERT_GRID = "320505006003004";

	private static final String PASSWORD = "Dashboard#Lead2026";

	@Test
	void theLeaderReadsTheDashboardEditsItsLayoutAndOpensTheBigScreenAndTheReport() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		for (String[] report : new String[][] { { "CSGL-01", "驾驶舱测试：占道经营" }, { "CSGL-02", "驾驶舱测试：垃圾堆放" },
				{ "HJWS-01", "驾驶舱测试：污水外溢" } }) {
			assertThat(
					worker1.post("/api/v1/events", eventReport(report[0], GRID_1, "GRID_WORKER", report[1], "驾驶舱测试地址"))
						.status())
				.isEqualTo(201);
		}

		this.accounts.initial("leader");
		Page page = newPage();
		signIn(page, "leader", "GovGrid@2026");
		changeInitialPassword(page, PASSWORD);
		ApiClient leader = new ApiClient(this.port);
		assertThat(leader.login("leader", PASSWORD).status()).isEqualTo(200);

		// 驾驶舱: this year in the leader's town, as the API answers by default
		page.navigate(url("/"));
		Locator total = page.locator("[data-testid=total-events]");
		assertThat(total).isVisible();
		JsonNode dashboard = leader.get("/api/v1/stats/dashboard").json();
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		assertThat(dashboard.path("to").asString()).isEqualTo(today);
		assertThat(dashboard.path("totalEvents").asLong()).isGreaterThanOrEqualTo(3);
		assertThat(total).hasText(Long.toString(dashboard.path("totalEvents").asLong()));
		assertThat(page.locator("[data-testid=dashboard-grid]")).hasAttribute("data-region",
				dashboard.path("regionId").asString());

		// the grid map draws the town's 12 grids (a canvas; no tiles)
		Locator map = page.locator("[data-testid=widget-map] [data-testid=grid-map]");
		assertThat(map).hasAttribute("data-grids", "12");
		assertThat(map.locator("canvas").first()).isVisible();
		assertThat(page.locator("[data-testid=widget-byLevel] canvas").first()).isVisible();
		page.waitForTimeout(1200);
		shoot(page, "console-dashboard");

		// a click on the first level slice (12 o'clock of the ring) drills to the event
		// list
		JsonNode firstLevel = dashboard.path("byLevel").get(0);
		String level = firstLevel.path("key").asString();
		Locator pie = page.locator("[data-testid=widget-byLevel] .chart-box");
		BoundingBox box = pie.boundingBox();
		double ring = 0.55 * Math.min(box.width, box.height) / 2;
		pie.click(new Locator.ClickOptions().setPosition(new Position(box.width / 2 + 4, box.height * 0.44 - ring)));
		page.waitForURL(Pattern.compile(".*/events\\?.*level=" + level + ".*"));
		assertThat(page.locator("[data-testid=filter-region]")).containsText("狮山街道");
		String drillQuery = fieldsOf(firstLevel.path("drill"));
		long listed = leader.get("/api/v1/events?" + drillQuery + "&size=1").json().path("total").asLong();
		assertThat(listed).isEqualTo(firstLevel.path("count").asLong());
		assertThat(page.locator(".el-pagination__total")).containsText(Long.toString(listed));
		shoot(page, "console-dashboard-drill");

		// 编辑布局: remove 按状态, save, reload: still gone; 恢复默认 brings it back
		page.navigate(url("/"));
		assertThat(page.locator("[data-testid=widget-byStatus]")).isVisible();
		page.click("[data-testid=layout-edit]");
		page.locator("[data-testid=widget-byStatus] [data-testid=widget-remove]").click();
		assertThat(page.locator("[data-testid=widget-byStatus]")).hasCount(0);
		shoot(page, "console-dashboard-edit");
		page.click("[data-testid=layout-save]");
		assertThat(page.locator("[data-testid=layout-save]")).hasCount(0);
		page.reload();
		assertThat(page.locator("[data-testid=total-events]")).isVisible();
		assertThat(page.locator("[data-testid=widget-map]")).isVisible();
		assertThat(page.locator("[data-testid=widget-byStatus]")).hasCount(0);
		if (leader.get("/api/v1/stats/dashboard-layout").status() == 200) {
			assertThat(leader.get("/api/v1/stats/dashboard-layout")
				.json()
				.path("widgets")
				.valueStream()
				.map(w -> w.path("type").asString())).doesNotContain("byStatus");
		}
		page.click("[data-testid=layout-edit]");
		page.click("[data-testid=layout-reset]");
		page.locator(".el-message-box .el-button--primary").click();
		assertThat(page.locator("[data-testid=widget-byStatus]")).isVisible();
		assertThat(page.locator("[data-testid=layout-save]")).hasCount(0);

		// 指挥大屏: the same total, the map, full HD
		page.setViewportSize(1920, 1080);
		page.click("[data-testid=open-big-screen]");
		page.waitForURL(Pattern.compile(".*/big-screen.*"));
		assertThat(page.locator("[data-testid=big-total] .figure-value"))
			.hasText(Long.toString(leader.get("/api/v1/stats/dashboard").json().path("totalEvents").asLong()));
		assertThat(page.locator("[data-testid=big-screen] [data-testid=grid-map]")).hasAttribute("data-grids", "12");
		assertThat(page.locator("[data-testid=big-screen-updated]")).isVisible();
		assertThat(page.locator(".el-message")).hasCount(0);
		page.waitForTimeout(1500);
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(java.nio.file.Paths.get("target", "screenshots", "console-big-screen.png")));
		page.click("[data-testid=big-screen-back]");
		page.waitForURL(url -> !url.contains("big-screen"));
		page.setViewportSize(1440, 900);

		// 多维统计 by grid and level
		page.navigate(url("/stats/query?dimensions=grid,level&measures=count"));
		ApiClient.Response query = leader.get("/api/v1/stats/query?dimensions=grid,level&measures=count");
		if (query.status() == 200) {
			JsonNode row = query.json()
				.path("rows")
				.valueStream()
				.filter(r -> r.path("keys").get(0).path("key").asString().equals(GRID_1)
						&& r.path("keys").get(1).path("key").asString().equals(level))
				.findFirst()
				.orElseThrow();
			String gridName = row.path("keys").get(0).path("name").asString();
			Locator tableRow = page.locator("[data-testid=query-table] .el-table__body tr",
					new Page.LocatorOptions().setHasText(gridName));
			assertThat(tableRow.locator("[data-cell='c:" + level + ":count']"))
				.hasText(Long.toString(row.path("values").path("count").asLong()));
		}
		else {
			assertThat(page.locator("[data-testid=query-error]")).isVisible();
		}
		page.waitForTimeout(800);
		shoot(page, "console-stats-query");

		page.context().close();
	}

	@Test
	void rankingsAndAlertsShowTheServersAnswerOrACleanState() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Page page = newPage();
		signIn(page, "center", org.govgrid.support.Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));

		java.util.List<String> granted = center.get("/api/v1/auth/me")
			.json()
			.path("permissions")
			.valueStream()
			.map(JsonNode::asString)
			.toList();

		page.navigate(url("/rankings"));
		if (!granted.contains("performance:ranking:read")) {
			// the performance module is not on this server yet: no menu entry, the page
			// is refused
			page.waitForURL(Pattern.compile(".*/403$"));
		}
		else {
			// the page asks for the first 100
			ApiClient.Response workers = center.get("/api/v1/rankings/workers?page=1&size=100");
			if (workers.status() == 200) {
				assertThat(page.locator("[data-testid=ranking-workers] .el-table__body tr"))
					.hasCount(Math.min(100, workers.json().path("items").size()));
			}
			else {
				assertThat(page.locator("[data-testid=ranking-error]")).isVisible();
			}
			assertThat(page.locator("[data-testid=ranking-period]")).hasText(Pattern.compile("\\d{4}-\\d{2}"));
		}
		shoot(page, "console-rankings");

		page.navigate(url("/warning/alerts"));
		if (!granted.contains("warning:alert:read")) {
			page.waitForURL(Pattern.compile(".*/403$"));
		}
		else if (center.get("/api/v1/alerts").status() == 200) {
			assertThat(page.locator("[data-testid=alert-table]")).isVisible();
			assertThat(page.locator("[data-testid=alerts-unavailable]")).hasCount(0);
		}
		else {
			assertThat(page.locator("[data-testid=alerts-unavailable]")).isVisible();
		}
		shoot(page, "console-alerts");
		page.context().close();
	}

	/**
	 * 研判预警 on the default dashboard: a rule raises an alert from two reports, and a
	 * centre user who never arranged their dashboard sees it in the alerts widget, in the
	 * level's colour; a click opens the alert.
	 */
	@Test
	void aNewCentreUserSeesARaisedAlertOnTheDefaultDashboardAndOpensIt() {
		ApiClient center = this.accounts.demo(this.port, "center");
		java.util.Map<String, Object> rule = new java.util.HashMap<>(
				Map.of("name", "驾驶舱预警：路灯两起", "kind", "COUNT", "regionId", this.accounts.region(TOWN).id(), "alertLevel",
						"RED", "watchLevel", "GRID", "threshold", 2, "windowHours", 24, "categoryCode", "GGSS-02"));
		ApiClient.Response created = center.post("/api/v1/warning-rules", rule);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long ruleId = created.json().path("id").asLong();
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", ALERT_GRID);
		for (String address : new String[] { "长江路10号", "长江路12号" }) {
			assertThat(worker.post("/api/v1/events", eventReport("GGSS-02", ALERT_GRID, "GRID_WORKER", "路灯不亮", address))
				.status()).isEqualTo(201);
		}
		long alertId = this.jdbc.queryForObject("select id from warning_alert where rule_id = ? and status = 'NEW'",
				Long.class, ruleId);

		// the widget shows the eight newest open alerts of the user's area: this one is
		// among them
		ApiClient.Response newest = center.get("/api/v1/alerts?regionId=" + this.accounts.region(TOWN).id()
				+ "&status=NEW&status=ACKNOWLEDGED&page=1&size=8");
		java.util.List<Long> newestIds = new java.util.ArrayList<>();
		newest.json().path("items").forEach(alert -> newestIds.add(alert.path("id").asLong()));
		assertThat(newestIds).as(newest.body()).contains(alertId);

		String username = this.accounts.create("dash_center_" + System.nanoTime() % 100000, "CENTER_STAFF", TOWN);
		Page page = newPage();
		signIn(page, username, org.govgrid.support.Accounts.INITIAL);
		changeInitialPassword(page, PASSWORD);
		page.navigate(url("/"));
		Locator widget = page.locator("[data-testid=widget-alerts]");
		assertThat(widget).isVisible();
		Locator item = widget.locator("[data-testid=alert-item][data-alert-id='" + alertId + "']");
		assertThat(item).isVisible();
		assertThat(item).containsText("路灯损坏 · 2");
		assertThat(item.locator(".level")).hasText("红色");
		assertThat(item.locator(".level")).hasCSS("background-color", "rgb(232, 71, 60)");
		page.waitForTimeout(1200);
		shoot(page, "console-dashboard-alerts");

		item.locator("a").click();
		page.waitForURL(Pattern.compile(".*/warning/alerts/" + alertId + "$"));
		Locator drawer = page.locator(".el-drawer");
		assertThat(drawer).containsText("驾驶舱预警：路灯两起");
		assertThat(drawer).containsText("研判依据（2）");
		page.waitForTimeout(600);
		shoot(page, "console-dashboard-alert-opened");
		page.context().close();
	}

	/** A drill query as URL parameters. */
	private static String fieldsOf(JsonNode drill) {
		return drill.propertyStream()
			.map(e -> e.getKey() + "="
					+ java.net.URLEncoder.encode(e.getValue().asString(), java.nio.charset.StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
