package org.govgrid.console;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real Chromium: sign-in, the forced password change, the grid map and
 * the auditor's view, a notification arriving live. Screenshots land in
 * {@code target/screenshots}.
 */
class ConsoleBrowserIT extends BrowserTest {

	@Autowired
	Notifications notifications;

	@Test
	void leaderSignsInChangesThePasswordAndSeesTheTownsGridsOnTheMap() {
		this.accounts.initial("leader");
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
		this.accounts.initial("worker3");
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
		this.accounts.initial("auditor");
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
