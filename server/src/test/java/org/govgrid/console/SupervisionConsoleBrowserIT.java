package org.govgrid.console;

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
 * 督办中心 in the console: the leader supervises an event from the page, the item is in the
 * list under the tally, the department answers it in the drawer and the leader closes it;
 * the page in Chinese and in English.
 */
class SupervisionConsoleBrowserIT extends BrowserTest {

	@Test
	void theLeaderSupervisesTheDepartmentAnswersTheLeaderCloses() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		this.accounts.demo(this.port, "leader");
		this.accounts.demo(this.port, "dept_cg");
		ApiClient.Response report = worker1.post("/api/v1/events",
				eventReport("CSGL-03", "320505006001001", "GRID_WORKER", "人行道井盖破损（督办中心）", "狮山路66号"));
		assertThat(report.status()).as(report.body()).isEqualTo(201);
		String code = report.json().path("code").asString();

		Page leader = newPage();
		signIn(leader, "leader", Accounts.PASSWORD);
		leader.waitForURL(url -> !url.contains("login"));
		leader.navigate(url("/supervision"));
		leader.locator("[data-testid=supervision-create]").click();
		Locator dialog = leader.locator("[data-testid=supervision-dialog]");
		dialog.locator("[data-testid=supervision-event]").click();
		leader.keyboard().type(code);
		leader.locator(".el-select-dropdown__item")
			.filter(new Locator.FilterOptions().setHasText(code))
			.first()
			.click();
		dialog.getByText("重点督办").click();
		dialog.locator("textarea[data-testid=supervision-comment], [data-testid=supervision-comment] textarea")
			.fill("请三日内修复并反馈");
		dialog.locator("[data-testid=supervision-save]").click();
		Locator drawer = leader.locator("[data-testid=supervision-drawer]");
		assertThat(drawer).containsText(code);
		assertThat(drawer.locator("[data-testid=supervision-state-text]")).hasText("待反馈");
		assertThat(drawer).containsText("重点督办");
		long itemId = this.jdbc.queryForObject(
				"select s.id from supervision_item s join event e on e.id = s.event_id where e.code = ?", Long.class,
				code);
		leader.keyboard().press("Escape");
		Locator row = leader.locator("[data-testid=supervision-table] .el-table__body tr")
			.filter(new Locator.FilterOptions().setHasText(code));
		assertThat(row).hasCount(1);
		assertThat(row).containsText("待反馈");
		assertThat(leader.locator("[data-testid=supervision-tally] canvas")).not().hasCount(0);
		// the drawer slides away and the chart grows in
		leader.waitForTimeout(1000);
		shoot(leader, "console-supervision-center");

		Page handler = newPage();
		signIn(handler, "dept_cg", Accounts.PASSWORD);
		handler.waitForURL(url -> !url.contains("login"));
		handler.navigate(url("/supervision?item=" + itemId));
		Locator handlerDrawer = handler.locator("[data-testid=supervision-drawer]");
		assertThat(handlerDrawer).containsText(code);
		assertThat(handlerDrawer.locator("[data-testid=supervision-close]")).hasCount(0);
		handlerDrawer.locator("textarea[data-testid=supervision-answer], [data-testid=supervision-answer] textarea")
			.fill("已安排维修，明日完成更换");
		handlerDrawer.locator("[data-testid=supervision-respond]").click();
		assertThat(handlerDrawer.locator("[data-testid=supervision-state-text]")).hasText("已反馈");
		assertThat(handlerDrawer.locator("[data-testid=supervision-responses]")).containsText("已安排维修，明日完成更换");

		leader.navigate(url("/supervision?item=" + itemId));
		assertThat(drawer.locator("[data-testid=supervision-responses]")).containsText("已安排维修，明日完成更换");
		shoot(leader, "console-supervision-drawer");
		drawer.locator("[data-testid=supervision-close]").click();
		leader.locator(".el-message-box input").fill("已修复，办结");
		leader.locator(".el-message-box__btns .el-button--primary").click();
		assertThat(drawer.locator("[data-testid=supervision-state-text]")).hasText("已办结");
		assertThat(this.jdbc.queryForObject("select state from supervision_item where id = ?", String.class, itemId))
			.isEqualTo("CLOSED");

		// the event's page links to its supervision items
		leader.navigate(url("/events/" + report.json().path("id").asLong()));
		leader.locator("[data-testid=event-supervision-link]").click();
		leader.waitForURL(Pattern.compile(".*/supervision\\?eventId=.*"));
		assertThat(leader.locator("[data-testid=supervision-table] .el-table__body tr")).hasCount(1);

		// the same page in English
		leader.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		leader.navigate(url("/supervision"));
		assertThat(leader.locator("[data-testid=supervision-tally]")).containsText("Supervision by unit");
		assertThat(leader.locator("[data-testid=supervision-table]")).containsText("Closed");
		leader.waitForTimeout(1000);
		shoot(leader, "console-supervision-center-en");
		leader.evaluate("localStorage.removeItem('govgrid.locale')");
	}

}
