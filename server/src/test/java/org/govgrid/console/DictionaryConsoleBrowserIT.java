package org.govgrid.console;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 系统管理 › 字典管理 (issue 20 item 5): the system admin opens 场所类型, sees its system codes with
 * their version, and a delete of a system code is refused (the code stays).
 */
class DictionaryConsoleBrowserIT extends BrowserTest {

	@Test
	void theAdminSeesPlaceTypesAndCannotDeleteASystemCode() {
		String systemCode = this.jdbc.queryForObject(
				"select code from dict_item where type = 'PLACE_TYPE' and system order by sort, code limit 1",
				String.class);
		this.accounts.demo(this.port, "admin");
		Page page = newPage();
		signIn(page, "admin", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/system/dictionaries"));

		page.locator("[data-testid=dictionary-types] .el-table__body tr")
			.filter(new Locator.FilterOptions().setHasText("PLACE_TYPE"))
			.click();
		Locator items = page.locator("[data-testid=dictionary-items]");
		assertThat(page.locator(".items-title")).hasText("场所类型");
		assertThat(items).containsText(systemCode);
		assertThat(items).containsText("系统");
		page.waitForTimeout(300);
		shoot(page, "console-dictionaries");

		page.locator("[data-testid=dictionary-items] .el-table__fixed-right [data-testid=dictionary-delete-"
				+ systemCode + "], [data-testid=dictionary-items] [data-testid=dictionary-delete-" + systemCode + "]")
			.first()
			.click();
		page.locator(".el-message-box__btns .el-button--danger, .el-message-box__btns .el-button--primary")
			.first()
			.click();
		assertThat(page.locator(".el-message--error")).isVisible();
		assertThat(items).containsText(systemCode);
		shoot(page, "console-dictionaries-refused");
		assertThat(this.jdbc.queryForObject("select count(*) from dict_item where type = 'PLACE_TYPE' and code = ?",
				Integer.class, systemCode))
			.isEqualTo(1);
	}

}
