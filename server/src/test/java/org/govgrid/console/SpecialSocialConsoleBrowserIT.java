package org.govgrid.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 特色数据 in the console with the demo data: the crowd heat map over the town's grids, whose
 * slider and play button move through the quarter hours (the time and the counts change),
 * and the opinion list with its tone tags, matched regions, search and drawer.
 */
class SpecialSocialConsoleBrowserIT extends BrowserTest {

	@Test
	void theHeatMapSliderMovesThroughTheQuarterHours() {
		this.accounts.demo(this.port, "center");
		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/special/crowd-flow"));
		Locator time = page.locator("[data-testid=crowd-time]");
		Locator total = page.locator("[data-testid=crowd-total]");
		assertThat(page.locator("[data-testid=crowd-map] path.crowd-cell").first()).isAttached();
		assertThat(page.locator("[data-testid=crowd-map] path.crowd-cell").count()).as("every grid of the town")
			.isGreaterThanOrEqualTo(12);
		String firstTime = time.textContent();
		page.waitForTimeout(500);

		// a day and a half back: a busy afternoon or morning with every grid counted
		BoundingBox runway = page.locator("[data-testid=crowd-slider] .el-slider__runway").boundingBox();
		page.mouse().click(runway.x + runway.width * 0.8, runway.y + runway.height / 2);
		assertThat(time).not().hasText(firstTime);
		page.waitForFunction("() => Number(document.querySelector('[data-testid=crowd-total]').textContent) > 0");
		String slidTime = time.textContent();
		String slidTotal = total.textContent();
		assertThat(page.locator("[data-testid=crowd-top] .el-table__body tr")).not().hasCount(0);
		shoot(page, "console-special-crowd-flow");

		page.mouse().click(runway.x + runway.width * 0.55, runway.y + runway.height / 2);
		assertThat(time).not().hasText(slidTime);
		page.waitForFunction("t => document.querySelector('[data-testid=crowd-total]').textContent !== t", slidTotal);

		String beforePlay = time.textContent();
		page.click("[data-testid=crowd-play]");
		page.waitForFunction("t => document.querySelector('[data-testid=crowd-time]').textContent !== t", beforePlay);
		page.click("[data-testid=crowd-play]");
		assertThat(page.locator("[data-testid=crowd-play]")).containsText("播放");
	}

	@Test
	void theOpinionListShowsTonesRegionsAndSearches() {
		this.accounts.demo(this.port, "center");
		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/special/opinions"));
		Locator rows = page.locator("[data-testid=opinion-table] .el-table__body tr");
		assertThat(rows.first()).isVisible();
		assertThat(page.locator("[data-testid=opinion-tone-NEGATIVE]").first()).containsText("负面");
		assertThat(page.locator("[data-testid=opinion-tone-POSITIVE]").first()).containsText("正面");
		shoot(page, "console-special-opinions");

		page.locator("[data-testid=opinions-page] input[placeholder='标题、正文或关键词']").fill("竹园菜市场");
		page.keyboard().press("Enter");
		assertThat(rows.filter(new Locator.FilterOptions().setHasNotText("竹园菜市场"))).hasCount(0);
		assertThat(rows).not().hasCount(0);
		rows.filter(new Locator.FilterOptions().setHasText("噪音扰民")).first().click();
		Locator drawer = page.locator("[data-testid=opinion-drawer]");
		assertThat(drawer).containsText("狮山社区第1网格");
		assertThat(drawer).containsText("匹配：竹园菜市场");
		page.waitForTimeout(500);
		shoot(page, "console-special-opinion-drawer");
		assertThat(rows.count()).isPositive();
	}

}
