package org.govgrid.console;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.Chromium;
import org.govgrid.support.TestTiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 天地图 basemap as users see it, from the local stand-in {@link TestTiles} the test
 * context is configured with (key, t0–t7, Web Mercator matrix): the console's region map
 * draws 矢量 (vec + cva) and switches to 影像 (img + cia); the phone app's report map draws
 * the tiles, its service worker keeps them, and offline the map still shows them.
 * Screenshots: {@code target/screenshots/basemap-*}.
 */
class BasemapBrowserIT extends BrowserTest {

	private static final String TOWN = "320505006";

	private static final String GRID = "320505006001001";

	/** Phone emulation (geolocation) needs its own contexts. */
	private static Chromium phone;

	private BrowserContext context;

	@BeforeAll
	static void launchPhoneBrowser() {
		phone = Chromium.launch();
	}

	@AfterAll
	static void closePhoneBrowser() {
		if (phone != null) {
			phone.close();
		}
	}

	@AfterEach
	void closeContext() {
		if (this.context != null) {
			this.context.close();
		}
	}

	private static String uniqueName(String prefix) {
		return prefix + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
	}

	private static List<String> since(int mark) {
		List<String> all = TestTiles.requests();
		return all.subList(Math.min(mark, all.size()), all.size());
	}

	@Test
	void theConsoleSwitchesBetweenVectorAndImagery() {
		String leader = this.accounts.create(uniqueName("bmlead"), "TOWN_LEADER", TOWN);
		Page page = newPage();
		signIn(page, leader, Accounts.INITIAL);
		changeInitialPassword(page, "Basemap#Town2026");

		int mark = TestTiles.requests().size();
		page.navigate(url("/regions"));
		page.waitForSelector("[data-testid=region-map] path.grid-polygon");
		Locator vectorTiles = page.locator("[data-testid=region-map] .basemap-vector img.leaflet-tile-loaded");
		vectorTiles.first().waitFor();
		// the base and its annotation, from the configured host with the key, over t0–t7
		String src = vectorTiles.first().getAttribute("src");
		assertThat(src).matches("http://127\\.0\\.0\\.1:\\d+/t[0-7]/(vec|cva)_w/wmts\\?.*")
			.contains("TILEMATRIXSET=w")
			.contains("tk=" + TestTiles.KEY);
		assertThat(since(mark)).anyMatch(r -> r.contains("LAYER=vec"))
			.anyMatch(r -> r.contains("LAYER=cva"))
			.noneMatch(r -> r.contains("LAYER=img"));
		Locator toggle = page.locator("[data-testid=region-map] [data-testid=basemap-switch]");
		assertThat(toggle.locator("button.active")).hasText("矢量");
		page.waitForTimeout(300);
		shoot(page, "basemap-console-vector");

		// 影像: the requests change layer, the vector tiles go
		int beforeSwitch = TestTiles.requests().size();
		toggle.locator("button[data-layer=imagery]").click();
		page.locator("[data-testid=region-map] .basemap-imagery img.leaflet-tile-loaded").first().waitFor();
		// the annotation layer loads beside the imagery, not necessarily first
		page.locator("[data-testid=region-map] .basemap-imagery img[src*='/cia_w/']").first().waitFor();
		assertThat(toggle.locator("button.active")).hasText("影像");
		assertThat(page.locator("[data-testid=region-map] .basemap-vector")).hasCount(0);
		assertThat(since(beforeSwitch)).anyMatch(r -> r.contains("/img_w/") && r.contains("LAYER=img"))
			.anyMatch(r -> r.contains("LAYER=cia"))
			.noneMatch(r -> r.contains("LAYER=vec"));
		// the grids stay drawn over the imagery
		assertThat(page.locator("[data-testid=region-map] path.grid-polygon").first()).isVisible();
		page.waitForTimeout(300);
		shoot(page, "basemap-console-imagery");

		// and back
		toggle.locator("button[data-layer=vector]").click();
		vectorTiles.first().waitFor();
		assertThat(page.locator("[data-testid=region-map] .basemap-imagery")).hasCount(0);
	}

	@Test
	void thePhoneAppShowsTheBasemapAndKeepsItsTilesForOffline() {
		String worker = this.accounts.create(uniqueName("bmwork"), "GRID_WORKER", GRID);
		ApiClient api = new ApiClient(this.port);
		api.login(worker, Accounts.INITIAL);
		api.changePassword(Accounts.INITIAL, Accounts.PASSWORD);

		double[] centre = center(GRID);
		this.context = phone.browser()
			.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
				.setViewportSize(390, 844)
				.setDeviceScaleFactor(2)
				.setIsMobile(true)
				.setHasTouch(true)
				.setGeolocation(centre[1], centre[0])
				.setPermissions(List.of("geolocation")));
		this.context.setDefaultTimeout(20_000);
		Page page = this.context.newPage();
		signInOnPhone(page, worker, Accounts.PASSWORD);
		// tiles go through the service worker once it controls the page
		page.waitForFunction("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", null,
				new Page.WaitForFunctionOptions().setTimeout(20_000));

		int mark = TestTiles.requests().size();
		page.click("[data-testid=tab-report]");
		page.locator("[data-testid=grid-map] path.map-grid").first().waitFor();
		Locator tiles = page.locator("[data-testid=grid-map] .basemap-vector img.leaflet-tile-loaded");
		tiles.first().waitFor();
		// the vector layer group holds the map (vec) and its annotation (cva)
		assertThat(tiles.first().getAttribute("src")).containsPattern("/(vec|cva)_w/wmts\\?")
			.contains("tk=" + TestTiles.KEY);
		assertThat(since(mark)).anyMatch(r -> r.contains("LAYER=vec")).anyMatch(r -> r.contains("LAYER=cva"));
		page.waitForTimeout(300);
		shoot(page, "basemap-phone-report");

		// the service worker kept them (and only readable tiles, counted against its
		// limits)
		page.waitForFunction("async () => (await (await caches.open('govgrid-tiles')).keys()).length > 0");
		Object kept = page.evaluate("async () => (await (await caches.open('govgrid-tiles')).keys())"
				+ ".filter(r => r.url.includes('LAYER=vec')).length");
		assertThat(((Number) kept).intValue()).isPositive();

		// offline, the same map still has its tiles: from the cache, the tile server
		// hears nothing
		page.navigate(url("/m/"));
		this.context.setOffline(true);
		int offlineMark = TestTiles.requests().size();
		page.click("[data-testid=tab-report]");
		tiles.first().waitFor();
		assertThat(since(offlineMark)).isEmpty();
		page.waitForTimeout(300);
		shoot(page, "basemap-phone-offline");
		this.context.setOffline(false);
	}

}
