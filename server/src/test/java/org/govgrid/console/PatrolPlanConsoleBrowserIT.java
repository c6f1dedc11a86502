package org.govgrid.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 巡查计划 in the console: the grid chief sees the demo plans with this period's progress,
 * plans a weekly 民生服务 patrol for worker2 in their grid (the worker picker offers only
 * that grid's workers) and finds it in the table.
 */
class PatrolPlanConsoleBrowserIT extends BrowserTest {

	@Test
	void theChiefPlansAWeeklyPatrolForAWorker() {
		this.accounts.initial("chief1");
		Page page = newPage();
		signIn(page, "chief1", "GovGrid@2026");
		changeInitialPassword(page, "Shishan#Chief2026");

		page.navigate(url("/patrols/plans"));
		Locator table = page.locator("[data-testid=plan-table] .el-table__body");
		Locator demo = table.locator("tr")
			.filter(new Locator.FilterOptions().setHasText("网格员一"))
			.filter(new Locator.FilterOptions().setHasText("市容秩序"));
		assertThat(demo).hasCount(1);
		assertThat(demo).containsText("每日 1 次");
		assertThat(demo.locator("[data-testid=plan-progress]")).containsText("/ 1");

		page.click("[data-testid=plan-create]");
		Locator dialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("新建计划"));
		dialog.locator(".el-form-item", new Locator.LocatorOptions().setHasText("网格"))
			.first()
			.locator(".el-select__wrapper")
			.click();
		page.keyboard().type("狮山社区第2网格");
		page.locator(".el-tree-node__content:visible", new Page.LocatorOptions().setHasText("狮山社区第2网格"))
			.first()
			.click();
		dialog.locator("[data-testid=plan-domain]").click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("民生服务")).click();
		dialog.locator(".el-radio-button", new Locator.LocatorOptions().setHasText("每周")).click();
		dialog.locator(".el-input-number input").fill("2");
		dialog.locator("[data-testid=plan-assignee]").click();
		// exactly the grid's workers (other tests may have added some to that grid)
		int assignees = this.accounts.demo(this.port, "center")
			.get("/api/v1/patrol-plans/assignees?gridId=" + this.accounts.region("320505006001002").id())
			.json()
			.size();
		Locator options = page.locator(".el-select-dropdown:visible .el-select-dropdown__item");
		assertThat(options).hasCount(assignees);
		options.filter(new Locator.FilterOptions().setHasText("网格员二")).click();
		shoot(page, "console-patrol-plan-dialog");
		dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();
		assertThat(dialog).isHidden();

		Locator created = table.locator("tr")
			.filter(new Locator.FilterOptions().setHasText("网格员二"))
			.filter(new Locator.FilterOptions().setHasText("民生服务"));
		assertThat(created).hasCount(1);
		assertThat(created).containsText("每周 2 次");
		assertThat(created).containsText("狮山社区第2网格");
		shoot(page, "console-patrol-plans");
	}

}
