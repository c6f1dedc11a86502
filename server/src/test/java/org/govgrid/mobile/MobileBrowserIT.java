package org.govgrid.mobile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.Chromium;
import org.govgrid.support.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The grid worker's phone app (网格通, {@code /m/}) in Chromium emulating a phone (390×844,
 * touch, geolocation at the centre of worker1's grid): first sign-in with the forced
 * password change, a report of 占道经营 with a photo that the demo rule dispatches to 城管 at
 * once, and a report made without a network that waits in the offline queue and arrives
 * exactly once when the network is back. Screenshots land in
 * {@code target/screenshots/mobile-*}.
 */
class MobileBrowserIT extends BrowserTest {

	private static final String GRID = "320505006001001";

	private static final String PASSWORD = "Wangge#Phone2026";

	/** Phone emulation needs its own contexts; the base's browser is private to it. */
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

	private Page newPhonePage() {
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
		return this.context.newPage();
	}

	@Test
	void aWorkerReportsWithAPhotoAndOfflineWithoutDuplicates() throws IOException {
		this.accounts.initial("worker1");
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String description = "狮山路菜场门口有人占道摆摊卖水果 " + nonce;
		Path photo = Files.createTempFile("stall-", ".jpg");
		Files.write(photo, TestImages.jpg(640, 480));

		Page page = newPhonePage();

		// first sign-in: the initial password, then the forced change in the app
		page.navigate(url("/m/"));
		page.waitForURL(Pattern.compile(".*/m/login.*"));
		page.fill("input[name=username]", "worker1");
		page.fill("input[name=password]", "GovGrid@2026");
		shoot(page, "mobile-login");
		page.click("[data-testid=login-submit]");
		page.waitForURL(Pattern.compile(".*/m/change-password.*"));
		page.fill("input[name=oldPassword]", "GovGrid@2026");
		page.fill("input[name=newPassword]", PASSWORD);
		page.fill("input[name=confirmPassword]", PASSWORD);
		shoot(page, "mobile-change-password");
		page.click("[data-testid=password-submit]");
		page.waitForURL(url -> url.endsWith("/m/"));
		assertThat(page.locator("[data-testid=home-greeting]")).containsText("您好");
		assertThat(page.locator("[data-testid=queue-empty]")).isVisible();
		assertThat(page.locator(".van-toast")).isHidden();
		shoot(page, "mobile-home");

		// (a) 上报: 城市管理 / 占道经营 with a photo, located by the phone in the worker's grid
		page.click("[data-testid=tab-report]");
		reportStall(page, description, photo);
		assertThat(page.locator("[data-testid=report-grid]")).containsText("网格");
		assertThat(page.locator(".van-uploader__preview")).hasCount(1);
		shoot(page, "mobile-report");
		page.click("[data-testid=report-submit]");

		// 我的事件: the demo rule sent it to 城管 at once
		page.waitForURL(Pattern.compile(".*/m/events$"));
		Locator card = page.locator("[data-testid=event-item]", new Page.LocatorOptions().setHasText(nonce));
		assertThat(card).hasCount(1);
		assertThat(card.locator("[data-testid=event-status]")).hasText("已派遣");
		assertThat(page.locator(".van-toast")).isHidden();
		shoot(page, "mobile-events");
		card.click();
		page.waitForURL(Pattern.compile(".*/m/events/\\d+$"));
		assertThat(page.locator("[data-testid=event-status]")).hasText("已派遣");
		assertThat(page.locator("[data-testid=event-unit]")).containsText("城管");
		assertThat(page.locator("[data-testid=flow-report]")).containsText("上报");
		assertThat(page.locator("[data-testid=event-photos] img")).hasCount(1);
		// the screenshot shows the photos once they are in (no assertion: only the
		// picture waits)
		try {
			page.waitForFunction(
					"() => [...document.querySelectorAll('[data-testid=event-photos] img')]"
							+ ".every(img => img.complete && img.naturalWidth > 0)",
					null, new Page.WaitForFunctionOptions().setTimeout(5_000));
		}
		catch (com.microsoft.playwright.TimeoutError ex) {
			// shot without them
		}
		shoot(page, "mobile-event-detail");
		assertThat(this.jdbc.queryForObject("select count(*) from event where description = ?", Integer.class,
				description))
			.isEqualTo(1);

		// the service worker holds the app shell by now
		page.navigate(url("/m/"));
		page.waitForFunction("() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", null,
				new Page.WaitForFunctionOptions().setTimeout(20_000));

		// (b) offline: the report waits on the phone...
		String offline = "巷口垃圾桶旁有人摆摊（离线上报） " + nonce;
		this.context.setOffline(true);
		assertThat(page.locator("[data-testid=offline-bar]")).isVisible();
		page.click("[data-testid=tab-report]");
		reportStall(page, offline, null);
		page.click("[data-testid=report-submit]");
		page.waitForURL(url -> url.endsWith("/m/"));
		assertThat(page.locator("[data-testid=queue-waiting]")).hasText("1 条待发送");
		assertThat(this.jdbc.queryForObject("select count(*) from event where description = ?", Integer.class, offline))
			.isZero();

		// ...survives closing the app (the shell comes from the service worker, the queue
		// from IndexedDB)...
		page.reload();
		assertThat(page.locator("[data-testid=queue-waiting]")).hasText("1 条待发送");
		shoot(page, "mobile-offline-queue");

		// ...and is sent once the network is back, exactly once
		this.context.setOffline(false);
		assertThat(page.locator("[data-testid=queue-empty]"))
			.isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		int count = 0;
		while (System.nanoTime() < deadline && count == 0) {
			count = this.jdbc.queryForObject("select count(*) from event where description = ?", Integer.class,
					offline);
		}
		assertThat(count).isEqualTo(1);
		shoot(page, "mobile-queue-drained");
		Files.deleteIfExists(photo);
	}

	private void reportStall(Page page, String description, Path photo) {
		page.waitForURL(Pattern.compile(".*/m/report.*"));
		page.locator("[data-testid=grid-map] path.map-grid").first().waitFor();
		assertThat(page.locator("[data-testid=report-location]")).containsText("120.");
		page.click("[data-testid=report-category]");
		page.locator(".van-cascader__option", new Page.LocatorOptions().setHasText("城市管理")).first().click();
		page.locator(".van-cascader__option", new Page.LocatorOptions().setHasText("占道经营")).first().click();
		assertThat(page.locator("[data-testid=report-category] input")).hasValue("城市管理 / 占道经营");
		assertThat(page.locator(".van-cascader")).isHidden();
		page.fill("[data-testid=report-description] textarea", description);
		if (photo != null) {
			page.setInputFiles("[data-testid=report-photos] input[type=file]", photo);
		}
		page.fill("[data-testid=report-address] input", "狮山路 199 号菜场东门人行道");
	}

}
