package org.govgrid.console;

import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 12345工单 in the console: the centre enters an order by hand (its event made and linked,
 * the caller's phone masked), a department asks for an extension, the centre approves it
 * on the order's page and sees the deadline move by working days; the event page shows
 * the order; the admin's working calendar.
 */
class HotlineConsoleBrowserIT extends BrowserTest {

	@Test
	void theCentreEntersAnOrderAndApprovesAnExtension() {
		String number = "GD" + System.nanoTime();
		Page page = newPage();
		this.accounts.demo(this.port, "center");
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/hotline/orders"));
		page.click("[data-testid=hotline-create]");
		Locator dialog = page.locator("[data-testid=hotline-dialog]");
		dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();
		assertThat(dialog).containsText("工单编号必填");
		dialog.locator("[data-testid=hotline-number]").fill(number);
		dialog.locator("[data-testid=hotline-appeal]").click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText("求助")).first().click();
		dialog.locator("[data-testid=hotline-title]").fill("小区门口窨井盖缺失");
		dialog.locator("textarea[data-testid=hotline-content]").fill("枫津社区东门口窨井盖缺失，夜间行人易跌落，请尽快处理。");
		dialog.locator("[data-testid=hotline-phone]").fill("13912348765");
		dialog.locator("[data-testid=hotline-address]").fill("枫津社区东门");
		settledShot(page, "console-hotline-order-dialog");
		dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();

		page.waitForURL(url -> url.matches(".*/hotline/orders/\\d+$"));
		assertThat(page.locator("[data-testid=hotline-detail-number]")).hasText(number);
		assertThat(page.locator("[data-testid=hotline-detail-status]")).hasText("办理中");
		assertThat(page.locator("body")).containsText("139****8765");
		long id = Long.parseLong(page.url().replaceAll(".*/", ""));
		ApiClient center = this.accounts.demo(this.port, "center");
		String deadline = center.get("/api/v1/hotline/orders/" + id).json().path("deadline").asString();
		assertThat(page.locator("[data-testid=hotline-detail-deadline]")).hasText(deadline);

		ApiClient deptCg = this.accounts.demo(this.port, "dept_cg");
		ApiClient.Response asked = deptCg.post("/api/v1/hotline/orders/" + id + "/extensions",
				Map.of("days", 2, "reason", "需购置新井盖"));
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		page.reload();
		Locator extension = page.locator("[data-testid=hotline-extension]");
		assertThat(extension).containsText("待审批");
		assertThat(extension).containsText("需购置新井盖");
		settledShot(page, "console-hotline-order-pending-extension");
		extension.locator("[data-testid=hotline-approve]").click();
		page.locator(".el-message-box input").fill("同意延期");
		page.locator(".el-message-box__btns .el-button--primary").click();
		assertThat(extension).containsText("已同意");
		String moved = center.get("/api/v1/hotline/orders/" + id).json().path("deadline").asString();
		assertThat(moved).isGreaterThan(deadline);
		assertThat(page.locator("[data-testid=hotline-detail-deadline]")).hasText(moved);
		assertThat(extension).containsText(deadline + " → " + moved);
		settledShot(page, "console-hotline-order");
		// the same page in English
		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.reload();
		assertThat(page.locator("body")).containsText("Extension requests");
		assertThat(page.locator("[data-testid=hotline-extension]")).containsText("Approved");
		assertThat(page.locator("[data-testid=hotline-detail-status]")).hasText("In work");
		settledShot(page, "console-hotline-order-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");

		page.navigate(url("/hotline/orders"));
		page.fill("[data-testid=hotline-keyword]", number);
		page.keyboard().press("Enter");
		Locator row = page.locator("[data-testid=hotline-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(number));
		assertThat(row).hasCount(1);
		assertThat(row.locator("[data-testid=hotline-deadline]")).hasText(moved);
		page.fill("[data-testid=hotline-keyword]", "");
		page.keyboard().press("Enter");
		assertThat(page.locator("[data-testid=hotline-table] .el-loading-mask")).hasCount(0);
		settledShot(page, "console-hotline-orders");

		long eventId = center.get("/api/v1/hotline/orders/" + id).json().path("eventId").asLong();
		page.navigate(url("/events/" + eventId));
		assertThat(page.locator("[data-testid=event-hotline-order]")).containsText(number);
		assertThat(page.locator("[data-testid=event-hotline-order]")).containsText("求助");
		page.locator("[data-testid=event-hotline-order]").scrollIntoViewIfNeeded();
		settledShot(page, "console-hotline-event");

		// the event list names the order and its working-day deadline
		String eventCode = center.get("/api/v1/hotline/orders/" + id).json().path("eventCode").asString();
		page.navigate(url("/events?keyword=" + eventCode));
		Locator listed = page.locator("[data-testid=event-list-hotline-order]");
		assertThat(listed).hasCount(1);
		assertThat(listed).containsText(number);
		assertThat(listed).containsText(moved);
		settledShot(page, "console-hotline-event-list");
	}

	@Test
	void theAdminSwitchesADayOfTheWorkingCalendar() {
		Page page = newPage();
		this.accounts.demo(this.port, "admin");
		signIn(page, "admin", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/hotline/calendar"));
		page.locator("[data-testid=calendar-year] input").fill("2026");
		page.locator("[data-testid=calendar-year] input").press("Enter");
		Locator nationalDay = page.locator("[data-date='2026-10-01']");
		assertThat(nationalDay).hasClass(java.util.regex.Pattern.compile("holiday"));
		assertThat(page.locator("[data-date='2026-10-10']"))
			.hasClass(java.util.regex.Pattern.compile("worked-weekend"));
		settledShot(page, "console-hotline-calendar");
		// 2026-12-31 (a Thursday) made a holiday and back again
		Locator day = page.locator("[data-date='2026-12-31']");
		day.click();
		assertThat(day).hasClass(java.util.regex.Pattern.compile("holiday"));
		assertThat(this.jdbc.queryForObject("select kind from hotline_calendar where day = '2026-12-31'", String.class))
			.isEqualTo("HOLIDAY");
		day.click();
		assertThat(day).not().hasClass(java.util.regex.Pattern.compile("holiday"));
		assertThat(this.jdbc.queryForObject("select count(*) from hotline_calendar where day = '2026-12-31'",
				Integer.class))
			.isZero();
	}

	/** A screenshot once loading masks are gone and tags have finished zooming in. */
	private void settledShot(Page page, String name) {
		page.waitForFunction("() => !document.querySelector('.el-loading-mask')");
		page.waitForTimeout(500);
		shoot(page, name);
	}

}
