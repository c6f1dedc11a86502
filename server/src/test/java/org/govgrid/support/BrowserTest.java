package org.govgrid.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the browser tests: one headless Chromium per test class, a zh-CN page at
 * 1440×900, sign-in and the forced password change as a user does them, and screenshots
 * in {@code target/screenshots}.
 */
public abstract class BrowserTest extends ApiIntegrationTest {

	private static final Path SHOTS = Paths.get("target", "screenshots");

	private static Chromium chromium;

	@BeforeAll
	static void launchChromium() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void closeChromium() {
		if (chromium != null) {
			chromium.close();
		}
	}

	protected Page newPage() {
		BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1440, 900));
		return context.newPage();
	}

	/**
	 * A phone for the app at {@code /m/}: 390×844, touch, zh-CN, in its own context
	 * (closed with the browser).
	 */
	protected Page newPhone() {
		BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
				.setViewportSize(390, 844)
				.setDeviceScaleFactor(2)
				.setIsMobile(true)
				.setHasTouch(true));
		context.setDefaultTimeout(20_000);
		return context.newPage();
	}

	/** Signs in on the phone app with a password that needs no change. */
	protected void signInOnPhone(Page page, String username, String password) {
		page.navigate(url("/m/"));
		page.waitForURL(Pattern.compile(".*/m/login.*"));
		page.fill("input[name=username]", username);
		page.fill("input[name=password]", password);
		page.click("[data-testid=login-submit]");
		page.waitForURL(url -> url.endsWith("/m/"));
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected void signIn(Page page, String username, String password) {
		page.navigate(url("/"));
		page.waitForURL(Pattern.compile(".*/login.*"));
		page.fill("input[name=username]", username);
		page.fill("input[name=password]", password);
		page.click("[data-testid=login-submit]");
	}

	/** On the forced-change page after a first sign-in with the initial password. */
	protected void changeInitialPassword(Page page, String newPassword) {
		page.waitForURL(Pattern.compile(".*/change-password.*"));
		page.fill("input[name=oldPassword]", Accounts.INITIAL);
		page.fill("input[name=newPassword]", newPassword);
		page.fill("input[name=confirmPassword]", newPassword);
		page.click("form button[type=submit]");
		page.waitForURL(url -> !url.contains("change-password") && !url.contains("login"));
	}

	protected void shoot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}

}
