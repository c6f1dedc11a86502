package org.govgrid.mobile;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 通知公告 on the phone: a notice of the centre to 狮山社区's grid workers shows on worker1's
 * home page; opening it shows the body and marks it read, which the centre's receipts
 * show. Screenshots in Chinese and English.
 */
class MobileNoticeBrowserIT extends BrowserTest {

	@Test
	void worker1SeesTheNoticeOnTheHomePageOpensItAndItBecomesRead() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String title = "网格员通知" + System.nanoTime() % 100_000;
		ApiClient.Response created = center.post("/api/v1/notices",
				Map.of("title", title, "body",
						"<p>请于<strong>今晚八点</strong>前完成本周巡查。</p><ol><li>沿街商铺</li><li>出租房屋</li></ol>", "regionIds",
						List.of(this.accounts.region("320505006001").id()), "roleCodes", List.of("GRID_WORKER"),
						"fileIds", List.of(), "publish", true));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();

		this.accounts.demo(this.port, "worker1");
		Page page = newPhone();
		signInOnPhone(page, "worker1", Accounts.PASSWORD);
		Locator card = page.locator("[data-testid=home-notices]");
		assertThat(card.locator("[data-testid=home-notice]").first()).containsText(title);
		assertThat(card.locator("[data-testid=home-notices-count]")).isVisible();
		settled(page);
		shoot(page, "mobile-notice-home");

		card.locator("[data-testid=home-notice]").first().click();
		page.waitForURL(Pattern.compile(".*/m/notices/" + id));
		assertThat(page.locator("[data-testid=notice-title]")).hasText(title);
		assertThat(page.locator("[data-testid=notice-body] strong")).hasText("今晚八点");
		assertThat(page.locator("[data-testid=notice-read]")).isVisible();
		settled(page);
		shoot(page, "mobile-notice-detail");

		JsonNode receipts = center.get("/api/v1/notices/" + id + "/receipts").json();
		boolean worker1Read = false;
		for (JsonNode user : receipts.path("users")) {
			if (user.path("name").asString().equals("网格员一")) {
				worker1Read = user.path("read").asBoolean();
			}
		}
		assertThat(worker1Read).as("worker1's receipt").isTrue();

		page.navigate(url("/m/notices"));
		assertThat(page.locator("[data-testid=notice-item]").first()).isVisible();
		settled(page);
		shoot(page, "mobile-notice-list");

		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.navigate(url("/m/notices/" + id));
		assertThat(page.locator("[data-testid=notice-read]")).containsText("Read");
		settled(page);
		shoot(page, "mobile-notice-detail-en");
		page.navigate(url("/m/"));
		assertThat(page.locator("[data-testid=home-notices]")).containsText("Notices");
		settled(page);
		shoot(page, "mobile-notice-home-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");
	}

	/** Waits until no loading mask is left (they fade out) before a screenshot. */
	private static void settled(Page page) {
		page.waitForFunction("() => !document.querySelector('.el-loading-mask, .van-loading')");
	}

}
