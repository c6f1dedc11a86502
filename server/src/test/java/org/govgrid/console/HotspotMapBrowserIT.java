package org.govgrid.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 热点 and live alerts on the dashboard map and the big screen (issue 19, items 2 and 3),
 * in a town of its own: six events within 50 m draw one hotspot circle (a layer the user
 * switches off and on); an alert raised after the page loaded appears on the map over the
 * notification stream, without a reload; opening it from the map and acknowledging it
 * there acknowledges it. Screenshots in {@code target/screenshots}.
 */
class HotspotMapBrowserIT extends BrowserTest {

	private static final String TOWN = "320505094";

	private static final String GRID = TOWN + "001001";

	private static final double LON = 119.6500;

	private static final double LAT = 30.4500;

	private static final String PASSWORD = "Hotspot#Map2026";

	@Autowired
	RegionService regions;

	@Test
	void hotspotsAndLiveAlertsOnTheMapAndTheBigScreen() {
		long district = this.accounts.region("320505").id();
		RegionSummary town = this.regions.provision(RegionLevel.TOWN, district, TOWN, "热点地图测试镇", null);
		RegionSummary community = this.regions.provision(RegionLevel.COMMUNITY, town.id(), TOWN + "001", "热点地图测试社区",
				null);
		this.regions.provision(RegionLevel.GRID, community.id(), GRID, "热点地图测试网格", """
				{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}""".formatted(LON, LAT,
				LON + 0.01, LAT, LON + 0.01, LAT + 0.008, LON, LAT + 0.008, LON, LAT));
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		for (int i = 0; i < 6; i++) {
			report(worker, "HJWS-01", LON + 0.004 + i * 0.0001, LAT + 0.004 + (i % 2) * 0.0001);
		}
		String username = this.accounts.create("hsmap_center", "CENTER_STAFF", TOWN);
		ApiClient center = new ApiClient(this.port);
		center.login(username, "GovGrid@2026");
		center.changePassword("GovGrid@2026", PASSWORD);
		Map<String, Object> rule = new HashMap<>();
		rule.put("name", "热点地图测试：井盖两起/小时");
		rule.put("kind", "COUNT");
		rule.put("regionId", town.id());
		rule.put("alertLevel", "RED");
		rule.put("threshold", 2);
		rule.put("windowHours", 1);
		rule.put("categoryCode", "GGSS-03");
		Response created = center.post("/api/v1/warning-rules", rule);
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Page page = newPage();
		signIn(page, username, PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/"));
		Locator map = page.locator("[data-testid=widget-map] [data-testid=grid-map]");
		assertThat(map).hasAttribute("data-grids", "1");
		assertThat(map).hasAttribute("data-hotspots", "1");
		assertThat(map).hasAttribute("data-alerts", "0");
		assertThat(map.locator("[data-testid=map-alert]")).hasCount(0);

		// the hotspot layer switches off and on
		map.locator("[data-testid=map-layer-hotspots]").click();
		assertThat(map).hasAttribute("data-hotspots", "0");
		map.locator("[data-testid=map-layer-hotspots]").click();
		assertThat(map).hasAttribute("data-hotspots", "1");

		// an alert raised now arrives live
		report(worker, "GGSS-03", LON + 0.002, LAT + 0.002);
		report(worker, "GGSS-03", LON + 0.0021, LAT + 0.002);
		List<Long> alerts = this.jdbc.queryForList("select id from warning_alert where rule_id = ?", Long.class,
				created.json().path("id").asLong());
		assertThat(alerts).hasSize(1);
		Locator chip = map.locator("[data-testid=map-alert][data-alert-id='" + alerts.get(0) + "']");
		assertThat(chip).isVisible();
		assertThat(map).hasAttribute("data-alerts", "1");
		page.waitForTimeout(1500);
		shoot(page, "console-dashboard-map-hotspots-alerts");

		// opened from the map, acknowledged there
		chip.click();
		Locator dialog = page.locator(".el-dialog:has([data-testid=map-alert-status])");
		assertThat(dialog.locator("[data-testid=map-alert-status]")).hasAttribute("data-status", "NEW");
		shoot(page, "console-dashboard-map-alert-dialog");
		dialog.locator("[data-testid=map-alert-acknowledge]").click();
		assertThat(dialog.locator("[data-testid=map-alert-status]")).hasAttribute("data-status", "ACKNOWLEDGED");
		assertThat(dialog.locator("[data-testid=map-alert-acknowledge]")).hasCount(0);
		assertThat(
				this.jdbc.queryForObject("select status from warning_alert where id = ?", String.class, alerts.get(0)))
			.isEqualTo("ACKNOWLEDGED");
		dialog.locator("[data-testid=map-alert-open]").click();
		page.waitForURL(Pattern.compile(".*/warning/alerts/" + alerts.get(0) + ".*"));

		// the big screen: the same hotspot and the open alert
		page.setViewportSize(1920, 1080);
		page.navigate(url("/big-screen"));
		Locator big = page.locator("[data-testid=big-screen] [data-testid=grid-map]");
		assertThat(big).hasAttribute("data-grids", "1");
		assertThat(big).hasAttribute("data-hotspots", "1");
		assertThat(big).hasAttribute("data-alerts", "1");
		page.waitForTimeout(1500);
		page.screenshot(new Page.ScreenshotOptions()
			.setPath(java.nio.file.Paths.get("target", "screenshots", "console-big-screen-hotspots.png")));

		// in English too
		page.setViewportSize(1440, 900);
		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.navigate(url("/"));
		assertThat(map.locator("[data-testid=map-layer-hotspots]")).containsText("Hotspots");
		page.waitForTimeout(1200);
		shoot(page, "console-dashboard-map-hotspots-en");
	}

	private void report(ApiClient worker, String category, double lon, double lat) {
		Map<String, Object> report = new HashMap<>();
		report.put("categoryCode", category);
		report.put("description", "热点地图测试");
		report.put("lon", lon);
		report.put("lat", lat);
		report.put("address", "热点地图测试路");
		report.put("source", "GRID_WORKER");
		Response response = worker.post("/api/v1/events", report);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

}
