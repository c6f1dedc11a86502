package org.govgrid.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 特色数据 › 水电煤气 in the console: the centre lists the demo town's meters, narrows them to
 * electricity, and opens the surging flat's meter, whose daily usage is drawn as a chart.
 */
class SpecialUtilityConsoleBrowserIT extends BrowserTest {

	@Test
	void theCentreListsMetersAndOpensOneWithItsDailyChart() {
		this.accounts.demo(this.port, "center");
		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/special/meters"));
		Locator rows = page.locator("[data-testid=meter-table] .el-table__body tr");
		assertThat(rows.first()).isVisible();
		assertThat(page.locator("[data-testid=meter-table]")).containsText("水表");
		assertThat(page.locator("[data-testid=meter-import]")).isVisible();
		assertThat(page.locator("[data-testid=meter-table] .el-loading-mask")).hasCount(0);
		shoot(page, "console-special-meters");

		page.locator("[data-testid=meter-kind-filter]").click();
		page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText("电表")).click();
		page.locator("[data-testid=meter-table] .el-table__body")
			.getByText("水表")
			.first()
			.waitFor(new Locator.WaitForOptions()
				.setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED));
		Locator flat = rows.filter(new Locator.FilterOptions().setHasText("金山花园1幢2单元302室"));
		assertThat(flat).hasCount(1);
		assertThat(flat).containsText("电表");
		flat.locator("[data-testid=meter-link]").click();

		page.waitForURL(url -> url.matches(".*/special/meters/\\d+$"));
		assertThat(page.locator("[data-testid=meter-facts]")).containsText("金山花园1幢2单元302室");
		assertThat(page.locator("[data-testid=meter-facts]")).containsText("kWh");
		Locator chart = page.locator("[data-testid=series-chart] canvas");
		assertThat(chart.first()).isVisible();
		assertThat(page.locator("[data-testid=series-stats]")).containsText("kWh");
		assertThat(chart.first().boundingBox().height).isGreaterThan(200);
		page.waitForTimeout(800);
		shoot(page, "console-special-meter");
	}

}
