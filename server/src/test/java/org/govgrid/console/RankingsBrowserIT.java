package org.govgrid.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 积分排名 in the console, in a real Chromium: one new worker earned points last month and
 * none this month, another the other way round, a third never; the community's chief sees
 * all three ranked, the first with a green ↓, the second with a red ↑, the idle one at
 * the shared last place, each as the API answers. The centre opens 积分规则 and the daily cap
 * field (not saved: the API test changes rules). Screenshots in
 * {@code target/screenshots}.
 */
class RankingsBrowserIT extends BrowserTest {

	private static final String COMMUNITY = "320505006003";

	// the quiet grid of PerformanceIT (which works next month)
	private static final String GRID = "320505006003002";

	private static final String PASSWORD = "Rankings#Chief2026";

	@Autowired
	TestClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void theChiefSeesEveryWorkerWithTheirRankChangeAndTheCentreTheRules() {
		ZoneId local = ZoneId.of("Asia/Shanghai");
		Instant lastMonth = Instant.now().atZone(local).minusMonths(1).toInstant();
		this.clock.advance(Duration.between(Instant.now(), lastMonth));
		ApiClient down = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		report(down, "排名测试：上月一");
		report(down, "排名测试：上月二");
		this.clock.reset();
		ApiClient up = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		ApiClient idle = this.accounts.signedIn(this.port, "GRID_WORKER", GRID);
		report(up, "排名测试：本月一");
		report(up, "排名测试：本月二");
		String downName = name(down);
		String upName = name(up);
		String idleName = name(idle);

		String chief = this.accounts.create("rk_chief_" + System.nanoTime() % 100000, "GRID_CHIEF", COMMUNITY);
		Page page = newPage();
		signIn(page, chief, Accounts.INITIAL);
		changeInitialPassword(page, PASSWORD);
		ApiClient api = new ApiClient(this.port);
		assertThat(api.login(chief, PASSWORD).status()).isEqualTo(200);
		JsonNode ranking = api.get("/api/v1/rankings/workers?size=100").json();

		page.navigate(url("/rankings"));
		Locator rows = page.locator("[data-testid=ranking-workers] .el-table__body tr");
		assertThat(rows).hasCount(Math.min(100, ranking.path("items").size()));
		Locator upRow = rows.filter(new Locator.FilterOptions().setHasText(upName));
		Locator downRow = rows.filter(new Locator.FilterOptions().setHasText(downName));
		Locator idleRow = rows.filter(new Locator.FilterOptions().setHasText(idleName));
		// other tests of the run may hold points in this community too: each row shows
		// the change the API gives it (PerformanceIT proves the change itself)
		expectChange(upRow, item(ranking, upName));
		expectChange(downRow, item(ranking, downName));
		JsonNode idleItem = item(ranking, name(idle));
		assertThat(idleItem.path("points").decimalValue()).isEqualByComparingTo("0");
		assertThat(idleRow.locator("td").first()).hasText(idleItem.path("rank").asString());
		assertThat(downRow.locator("td").first()).hasText(idleItem.path("rank").asString());
		assertThat(page.locator("[data-testid=ranking-rules]")).hasCount(0);
		settle(page);
		shoot(page, "console-rankings-changes");
		page.context().close();

		// the centre may change the rules: the drawer and the daily cap field
		this.accounts.demo(this.port, "center");
		Page centre = newPage();
		signIn(centre, "center", Accounts.PASSWORD);
		centre.waitForURL(u -> !u.contains("login"));
		centre.navigate(url("/rankings"));
		centre.locator("[data-testid=ranking-rules]").click();
		Locator rules = centre.locator("[data-testid=rules-table] .el-table__body tr");
		assertThat(rules.first()).isVisible();
		assertThat(rules.filter(new Locator.FilterOptions().setHasText("上报事件")).first()).isVisible();
		settle(centre);
		shoot(centre, "console-point-rules");
		rules.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*上报事件")))
			.first()
			.locator("[data-testid=rule-edit]")
			.click();
		assertThat(centre.locator("[data-testid=rule-daily-cap]")).isVisible();
		assertThat(centre.locator("[data-testid=rule-form] .el-input-number input").first()).hasValue("2.00");
		settle(centre);
		shoot(centre, "console-point-rule-edit");
		centre.context().close();
	}

	/** Loading masks gone and the drawer's or dialog's opening animation over. */
	private static void settle(Page page) {
		page.waitForFunction(
				"() => ![...document.querySelectorAll('.el-loading-mask')].some(m => m.offsetParent !== null)");
		page.waitForTimeout(600);
	}

	private void report(ApiClient worker, String description) {
		ApiClient.Response report = worker.post("/api/v1/events",
				new java.util.HashMap<>(eventReport("QT-01", GRID, "GRID_WORKER", description, "排名测试地址")));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
	}

	private static void expectChange(Locator row, JsonNode item) {
		int change = item.path("rankChange").asInt();
		assertThat(change).isEqualTo(item.path("previousRank").asInt() - item.path("rank").asInt());
		Locator cell = row.locator("[data-testid=rank-change]");
		if (change > 0) {
			assertThat(cell).hasText(Pattern.compile("^\\s*↑\\s*上升 " + change + " 名"));
			assertThat(cell).hasClass(Pattern.compile("\\bup\\b"));
		}
		else if (change < 0) {
			assertThat(cell).hasText(Pattern.compile("^\\s*↓\\s*下降 " + -change + " 名"));
			assertThat(cell).hasClass(Pattern.compile("\\bdown\\b"));
		}
		else {
			assertThat(cell).hasText(Pattern.compile("^\\s*–\\s*持平"));
		}
	}

	private static String name(ApiClient client) {
		return client.get("/api/v1/auth/me").json().path("displayName").asString();
	}

	private static JsonNode item(JsonNode ranking, String name) {
		for (JsonNode item : ranking.path("items")) {
			if (item.path("name").asString().equals(name)) {
				return item;
			}
		}
		throw new AssertionError("no " + name + " in " + ranking);
	}

}
