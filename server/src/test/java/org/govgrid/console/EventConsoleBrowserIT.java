package org.govgrid.console;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event console in a real Chromium: the command centre takes a 12345 hotline call,
 * reports it with a click on the map, finds it in the event list, dispatches it to 城管
 * from the dispatch board (联动指挥, standard 7.2.6) and reads the flow on the detail page.
 * Screenshots land in {@code target/screenshots}.
 */
class EventConsoleBrowserIT extends BrowserTest {

	/** The columns 7.2.6 requires on the dispatch board, in this order. */
	private static final List<String> BOARD_COLUMNS = List.of("编号", "上报人", "联系电话", "上报时间", "上报内容", "超时时间", "事件状态",
			"事件来源", "操作");

	@Test
	void theCentreReportsAHotlineCallAndDispatchesItToCityManagementFromTheBoard() {
		// other tests sign in as center through the API; the browser starts from the
		// first day
		this.accounts.initial("center");
		long cityManagement = this.jdbc.queryForObject("select id from department where code = '320505006-CG'",
				Long.class);
		String nonce = UUID.randomUUID().toString().substring(0, 8);
		String description = "市民来电：何山路井盖缺失，夜间行人易跌落 " + nonce;

		Page page = newPage();
		signIn(page, "center", "GovGrid@2026");
		changeInitialPassword(page, "Shishan#Hub2026");

		// 上报事件: a hotline call about a missing manhole cover (公共设施, not 城市管理)
		page.navigate(url("/events"));
		page.click("[data-testid=event-report]");
		Locator dialog = page.locator("[data-testid=report-dialog]");
		dialog.locator("[data-testid=point-map] path.map-grid").first().waitFor();
		assertThat(dialog.locator("[data-testid=report-source]")).containsText("12345热线");
		dialog.locator("[data-testid=report-category] .el-input").click();
		page.locator(".el-cascader-node:visible", new Page.LocatorOptions().setHasText("公共设施")).first().click();
		page.locator(".el-cascader-node:visible", new Page.LocatorOptions().setHasText("井盖缺失破损")).first().click();
		page.fill("[data-testid=report-description]", description);
		page.fill("[data-testid=report-reporter-name]", "王先生");
		page.fill("[data-testid=report-reporter-phone]", "13812345678");
		page.fill("[data-testid=report-address]", "何山路与狮山路交叉口东侧人行道");
		dialog.locator("[data-testid=point-map]").click();
		assertThat(dialog.locator("[data-testid=report-located]")).containsText("所在网格");
		assertThat(dialog.locator("[data-testid=report-coordinates]")).containsText("120.");
		shoot(page, "event-report");
		page.click("[data-testid=report-submit]");
		assertThat(dialog).isHidden();

		// the event list finds it, waiting for acceptance at the town's centre
		page.fill("[data-testid=filter-keyword]", nonce);
		page.click("[data-testid=filter-search]");
		Locator listRow = page.locator("[data-testid=event-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(nonce));
		assertThat(listRow).hasCount(1);
		assertThat(listRow).containsText("待受理");
		assertThat(listRow).containsText("井盖缺失破损");
		assertThat(listRow).containsText("12345热线");
		String code = listRow.locator("a.code-link").innerText().trim();
		assertThat(code).matches("SJ\\d{14}");
		shoot(page, "event-list");

		// 联动指挥: exactly the nine columns of 7.2.6, then 批量派遣 to 城管
		page.navigate(url("/dispatch"));
		page.fill("[data-testid=board-keyword]", code);
		page.click("[data-testid=board-search]");
		Locator boardRow = page.locator("[data-testid=board-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(code));
		assertThat(boardRow).hasCount(1);
		assertThat(boardRow).containsText("王先生");
		assertThat(boardRow).containsText("138****5678");
		assertThat(boardRow).containsText("待受理");
		List<String> headers = page.locator("[data-testid=board-table] .el-table__header th")
			.allInnerTexts()
			.stream()
			.map(String::trim)
			.filter(text -> !text.isEmpty())
			.toList();
		assertThat(headers).containsExactlyElementsOf(BOARD_COLUMNS);
		boardRow.locator(".el-checkbox").click();
		page.click("[data-testid=batch-dispatch]");
		Locator batch = page.locator("[data-testid=batch-dialog]");
		assertThat(batch).containsText(code);
		batch.locator("[data-testid=unit-select]").click();
		page.locator(".el-select-dropdown__item:visible")
			.filter(new Locator.FilterOptions().setHasText(Pattern.compile("^\\s*城管")))
			.first()
			.click();
		shoot(page, "dispatch-batch");
		page.click("[data-testid=batch-submit]");
		assertThat(batch).isHidden();
		assertThat(boardRow).containsText("已派遣");
		shoot(page, "dispatch-board");
		assertThat(this.jdbc.queryForObject("select unit_id from event where code = ?", Long.class, code))
			.isEqualTo(cityManagement);

		// the detail page: status, unit and the flow as a timeline
		boardRow.locator("a.code-link").click();
		page.waitForURL(Pattern.compile(".*/events/\\d+$"));
		assertThat(page.locator("[data-testid=event-code]")).hasText(code);
		assertThat(page.locator("[data-testid=event-status]")).containsText("已派遣");
		assertThat(page.locator("[data-testid=event-unit]")).containsText("城管");
		Locator timeline = page.locator("[data-testid=event-timeline]");
		assertThat(timeline.locator("[data-testid=flow-report]")).containsText("上报");
		assertThat(timeline.locator("[data-testid=flow-dispatch]")).containsText("城管");
		page.locator("[data-testid=point-map] .event-pin").waitFor();
		shoot(page, "event-detail");
	}

}
