package org.govgrid.console;

import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 智能分拨 in the console's report dialog: typing the description shows the suggested 小类 and
 * units, fills the empty category with the best one, and a click on an alternative takes
 * that one instead.
 */
class SuggestConsoleBrowserIT extends BrowserTest {

	@Test
	void typingTheDescriptionSuggestsAndPrefillsTheCategory() {
		this.accounts.demo(this.port, "center");
		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("/login"));
		page.navigate(url("/events"));
		page.click("[data-testid=event-report]");
		Locator dialog = page.locator("[data-testid=report-dialog]");
		dialog.locator("[data-testid=point-map] path.map-grid").first().waitFor();

		page.fill("[data-testid=report-description]", "小区门口垃圾桶满溢出来了，发臭好几天，旁边下水道也堵塞了");
		Locator panel = dialog.locator("[data-testid=report-suggestion]");
		assertThat(panel.locator("[data-testid=suggested-category-HJWS-01]")).containsText("垃圾堆积");
		Locator category = dialog.locator("[data-testid=report-category] input");
		assertThat(category).hasValue(Pattern.compile(".*垃圾堆积.*"));
		dialog.locator("[data-testid=point-map]").click();
		assertThat(dialog.locator("[data-testid=report-located]")).containsText("所在网格");
		shoot(page, "suggest-report-dialog");

		// an alternative is one click away
		Locator second = panel.locator(".choice").nth(1);
		String name = second.innerText().replaceAll("\\s*·.*$", "").trim();
		second.click();
		assertThat(category).hasValue(Pattern.compile(name));
		// and typing on does not take the user's choice away again
		page.fill("[data-testid=report-description]", "小区门口垃圾桶满溢出来了，发臭好几天，旁边下水道也堵塞了，垃圾");
		page.waitForTimeout(900);
		assertThat(category).hasValue(Pattern.compile(name));
	}

}
