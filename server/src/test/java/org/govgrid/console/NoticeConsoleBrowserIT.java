package org.govgrid.console;

import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 通知公告 in the console: the centre writes a notice in the rich-text editor, targets 狮山社区's
 * grid workers and publishes it; the receipts show who has not read it, and once worker1
 * has read it only the others remain. Screenshots of the list, the editor, the notice
 * with its receipts and a recipient's inbox, in Chinese and English.
 */
class NoticeConsoleBrowserIT extends BrowserTest {

	@Test
	void theCentrePublishesANoticeAndFollowsItsReceipts() {
		this.accounts.demo(this.port, "center");
		String title = "网格员例会通知" + System.nanoTime() % 100_000;
		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/notices?box=managed"));
		assertThat(page.locator("[data-testid=notice-table]")).containsText("关于开展冬季消防安全大检查的通知");
		settled(page);
		shoot(page, "console-notice-managed");

		page.click("[data-testid=notice-create]");
		page.waitForURL(Pattern.compile(".*/notices/new"));
		page.fill("[data-testid=notice-title-input]", title);
		page.click("[data-testid=notice-regions]");
		page.keyboard().type("狮山社区");
		Locator community = page.locator(".el-tree-node__content")
			.filter(new Locator.FilterOptions()
				.setHas(page.getByText("狮山社区", new Page.GetByTextOptions().setExact(true))))
			.first();
		community.locator(".el-checkbox").click();
		page.locator("[data-testid=notice-title-input]").click();
		page.locator("[data-testid=notice-roles]")
			.getByText("网格员", new Locator.GetByTextOptions().setExact(true))
			.click();
		Locator editor = page.locator("[data-testid=notice-editor-content]");
		editor.click();
		page.keyboard().type("请各位网格员于本周四下午2:30参加例会，");
		page.click("[data-testid=rte-bold]");
		page.keyboard().type("携带巡查记录本");
		page.click("[data-testid=rte-bold]");
		page.keyboard().press("Enter");
		page.click("[data-testid=rte-bulletList]");
		page.keyboard().type("通报上周事件处置情况");
		page.keyboard().press("Enter");
		page.keyboard().type("部署冬季巡查重点");
		assertThat(editor.locator("strong")).hasText("携带巡查记录本");
		settled(page);
		shoot(page, "console-notice-editor");

		page.click("[data-testid=notice-submit-publish]");
		page.locator(".el-message-box__btns .el-button--primary").click();
		page.waitForURL(Pattern.compile(".*/notices/\\d+$"));
		assertThat(page.locator("[data-testid=notice-title]")).hasText(title);
		assertThat(page.locator("[data-testid=notice-body] strong")).hasText("携带巡查记录本");
		assertThat(page.locator("[data-testid=notice-body] li")).hasCount(2);
		Locator notRead = page.locator("[data-testid=notice-not-read]");
		assertThat(notRead).containsText("网格员一");
		assertThat(notRead).containsText("网格员二");
		assertThat(page.locator("[data-testid=notice-receipts-summary]")).containsText("0 /");
		long id = Long.parseLong(page.url().replaceFirst(".*/notices/", ""));
		Map<String, Object> stored = this.jdbc.queryForMap("select status, body from notice where id = ?", id);
		assertThat(stored.get("status")).isEqualTo("PUBLISHED");
		assertThat((String) stored.get("body")).contains("<strong>携带巡查记录本</strong>", "<ul>");

		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.post("/api/v1/notices/" + id + "/read", Map.of()).status()).isEqualTo(204);
		page.reload();
		assertThat(notRead).containsText("网格员二");
		assertThat(notRead).not().containsText("网格员一");
		assertThat(page.locator("[data-testid=notice-receipts-summary]")).containsText("1 /");
		assertThat(page.locator("[data-testid=notice-by-region]")).containsText("狮山社区第1网格");
		settled(page);
		shoot(page, "console-notice-receipts");

		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.reload();
		assertThat(page.locator("[data-testid=notice-receipts]")).containsText("Read receipts");
		settled(page);
		shoot(page, "console-notice-receipts-en");
		page.navigate(url("/notices?box=managed"));
		assertThat(page.locator("[data-testid=notice-table]")).containsText(title);
		settled(page);
		shoot(page, "console-notice-managed-en");
		page.navigate(url("/notices/new"));
		assertThat(page.locator("[data-testid=notice-submit-publish]")).hasText("Publish");
		settled(page);
		shoot(page, "console-notice-editor-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");
	}

	@Test
	void aRecipientSeesTheInboxUnreadFirstAndReadsANotice() {
		ApiClient center = this.accounts.demo(this.port, "center");
		long community = this.accounts.region("320505006001").id();
		String title = "社区通知" + System.nanoTime() % 100_000;
		ApiClient.Response created = center.post("/api/v1/notices",
				Map.of("title", title, "body", "<p>请<em>网格长</em>于周五前报送台账。</p><script>alert(1)</script>", "regionIds",
						java.util.List.of(community), "roleCodes", java.util.List.of("GRID_CHIEF"), "fileIds",
						java.util.List.of(), "publish", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		this.accounts.demo(this.port, "chief1");
		Page page = newPage();
		signIn(page, "chief1", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/notices"));
		Locator first = page.locator("[data-testid=notice-table] .el-table__body tr").first();
		assertThat(first).containsText(title);
		assertThat(first).containsText("未读");
		assertThat(page.locator("[data-testid=notice-tab-inbox] .el-badge")).isVisible();
		settled(page);
		shoot(page, "console-notice-inbox");

		first.locator(".notice-title").click();
		assertThat(page.locator("[data-testid=notice-title]")).hasText(title);
		assertThat(page.locator("[data-testid=notice-read]")).isVisible();
		assertThat(page.locator("[data-testid=notice-body] em")).hasText("网格长");
		assertThat(page.locator("[data-testid=notice-body] script")).hasCount(0);
		settled(page);
		shoot(page, "console-notice-detail");

		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.navigate(url("/notices"));
		assertThat(page.locator("[data-testid=notice-tab-inbox]")).containsText("My notices");
		settled(page);
		shoot(page, "console-notice-inbox-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");
	}

	/** Waits until no loading mask is left (they fade out) before a screenshot. */
	private static void settled(Page page) {
		page.waitForFunction("() => !document.querySelector('.el-loading-mask, .van-loading')");
	}

}
