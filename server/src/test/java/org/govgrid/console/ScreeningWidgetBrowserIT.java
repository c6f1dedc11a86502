package org.govgrid.console;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.CollectionForms;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's 重点人员排查 card: a town leader who put it on their dashboard sees the
 * campaign the centre started and worker1's grid with the households checked.
 */
class ScreeningWidgetBrowserIT extends BrowserTest {

	@Test
	void aLeaderSeesTheScreeningProgressOnTheDashboard() {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		long formId = CollectionForms.idOf(center, "KEY_PERSON_SCREENING");
		ApiClient.Response campaign = center.post("/api/v1/collection/campaigns",
				Map.of("formId", formId, "name", "冬季重点人员排查", "regionId", this.accounts.region("320505006").id(),
						"dueDate", LocalDate.now().plusDays(14).toString()));
		assertThat(campaign.status()).as(campaign.body()).isEqualTo(201);
		double[] point = center("320505006001001");
		for (String house : List.of("狮山路12号101室", "狮山路12号102室", "狮山路12号201室")) {
			Map<String, Object> answers = new HashMap<>(Map.of("house", house, "householder", "李明", "residents", 2,
					"checked", 2, "health", "正常", "whereabouts", "在本地", "contact", "无", "result", "正常"));
			ApiClient.Response record = worker1.post("/api/v1/collection/records",
					Map.of("formId", formId, "campaignId", campaign.json().path("id").asLong(), "lon", point[0], "lat",
							point[1], "answers", answers));
			assertThat(record.status()).as(record.body()).isEqualTo(201);
		}
		String username = this.accounts.create("scr_leader_" + System.nanoTime() % 1_000_000, "TOWN_LEADER",
				"320505006");
		ApiClient leader = new ApiClient(this.port);
		leader.login(username, Accounts.INITIAL);
		leader.changePassword(Accounts.INITIAL, Accounts.PASSWORD);
		ApiClient.Response layout = leader.put("/api/v1/stats/dashboard-layout",
				Map.of("widgets",
						List.of(Map.of("type", "total", "x", 0, "y", 0, "w", 8, "h", 4),
								Map.of("type", "screening", "x", 8, "y", 0, "w", 10, "h", 9),
								Map.of("type", "alerts", "x", 18, "y", 0, "w", 6, "h", 9))));
		assertThat(layout.status()).as(layout.body()).isEqualTo(200);

		Page page = newPage();
		signIn(page, username, Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		Locator widget = page.locator("[data-testid=screening-widget]");
		assertThat(widget).containsText("冬季重点人员排查");
		long grid = this.accounts.region("320505006001001").id();
		assertThat(widget.locator("[data-testid=screening-grid][data-grid-id=\"" + grid + "\"]")).containsText("3/");
		page.waitForTimeout(800);
		shoot(page, "console-dashboard-screening");
	}

}
