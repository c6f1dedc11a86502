package org.govgrid.console;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.govgrid.support.Accounts;
import org.govgrid.support.Chromium;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium: sign-in, the forced password change, the grid map and
 * the auditor's view, a notification arriving live. Screenshots land in
 * {@code target/screenshots}.
 */
class ConsoleBrowserIT extends ApiIntegrationTest {

	private static final Path SHOTS = Paths.get("target", "screenshots");

	private static Chromium chromium;

	@Autowired
	Notifications notifications;

	@BeforeAll
	static void launch() {
		chromium = Chromium.launch();
	}

	@AfterAll
	static void close() {
		if (chromium != null) {
			chromium.close();
		}
	}

	private Page newPage() {
		BrowserContext context = chromium.browser()
			.newContext(new Browser.NewContextOptions().setLocale("zh-CN").setViewportSize(1440, 900));
		return context.newPage();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void signIn(Page page, String username, String password) {
		page.navigate(url("/"));
		page.waitForURL(Pattern.compile(".*/login.*"));
		page.fill("input[name=username]", username);
		page.fill("input[name=password]", password);
		page.click("[data-testid=login-submit]");
	}

	private void changeInitialPassword(Page page, String newPassword) {
		page.waitForURL(Pattern.compile(".*/change-password.*"));
		page.fill("input[name=oldPassword]", "GovGrid@2026");
		page.fill("input[name=newPassword]", newPassword);
		page.fill("input[name=confirmPassword]", newPassword);
		page.click("form button[type=submit]");
		page.waitForURL(url -> !url.contains("change-password") && !url.contains("login"));
	}

	private void shoot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Test
	void leaderSignsInChangesThePasswordAndSeesTheTownsGridsOnTheMap() {
		Page page = newPage();
		signIn(page, "leader", "GovGrid@2026");
		page.waitForURL(Pattern.compile(".*/change-password.*"));
		shoot(page, "change-password");
		changeInitialPassword(page, "Shishan#Town2026");
		shoot(page, "home");

		page.navigate(url("/regions"));
		page.waitForSelector("[data-testid=region-map] path.grid-polygon");
		page.waitForTimeout(500);
		shoot(page, "region-map");
		// the first town has 3 communities × 4 grids; nothing of the second town is drawn
		assertThat(page.locator("[data-testid=region-map] path.grid-polygon").count()).isEqualTo(12);
		assertThat(page.locator("[data-testid=region-tree]")).containsText("狮山街道");
		assertThat(page.locator("[data-testid=region-tree]")).not().containsText("枫桥街道");
		assertThat(page.locator("body")).not().containsText("系统管理");
	}

	@Test
	void aGridWorkerSeesTheirOneGridOnly() {
		Page page = newPage();
		signIn(page, "worker3", "GovGrid@2026");
		changeInitialPassword(page, "Fengjin#Grid2026");
		assertThat(page.locator("body")).containsText("您负责的是一个网格：枫津社区第1网格");
		shoot(page, "home-worker");
		page.navigate(url("/regions"));
		page.waitForSelector("[data-testid=region-map] path.grid-polygon");
		assertThat(page.locator("[data-testid=region-map] path.grid-polygon").count()).isEqualTo(1);
		assertThat(page.locator("[data-testid=region-tree]")).not().containsText("狮山");
	}

	@Test
	void aWrongPasswordShowsOneGenericMessage() {
		Page page = newPage();
		signIn(page, "center", "Not#TheRight1");
		assertThat(page.locator("[data-testid=login-error]")).containsText("用户名或密码错误");
		shoot(page, "login-error");
	}

	@Test
	void theAuditorSeesTheAuditTrailAndNoAdministration() {
		Page page = newPage();
		signIn(page, "auditor", "GovGrid@2026");
		changeInitialPassword(page, "Audit#Trail2026");
		page.navigate(url("/audit/logs"));
		page.waitForSelector(".el-table__row");
		shoot(page, "audit-logs");
		assertThat(page.locator(".el-table__body")).containsText("PASSWORD_CHANGE");
		assertThat(page.locator("body")).not().containsText("用户管理");
	}

	@Test
	void aNotificationArrivesLiveInTheBellAndLeadsToItsPage() {
		String username = this.accounts.create("bell_worker", "GRID_WORKER", "320505006001001");
		long userId = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
		Page page = newPage();
		signIn(page, username, Accounts.INITIAL);
		changeInitialPassword(page, "Bell#Worker2026");
		page.waitForSelector("[data-testid=notification-bell][data-connected=true]");

		this.notifications.send(java.util.List.of(userId),
				new Notice(Notice.EVENT_ASSIGNED, "请处置：占道经营", "狮山街道 · 浏览器测试", "/regions", "EVENT", 1L));

		assertThat(page.locator(".el-notification")).containsText("请处置：占道经营");
		assertThat(page.locator("[data-testid=notification-bell] .el-badge__content")).hasText("1");
		page.waitForTimeout(500);
		shoot(page, "notification-toast");
		page.click("[data-testid=notification-bell]");
		assertThat(page.locator("[data-testid=notification-item]")).containsText("狮山街道 · 浏览器测试");
		page.waitForTimeout(500);
		shoot(page, "notification-bell");
		page.click("[data-testid=notification-item]");
		page.waitForURL(Pattern.compile(".*/regions$"));
		assertThat(page.locator("[data-testid=notification-bell] .el-badge__content")).isHidden();
		assertThat(this.jdbc.queryForObject("select count(*) from notification where user_id = ? and read_at is null",
				Long.class, userId))
			.isZero();
	}

}
