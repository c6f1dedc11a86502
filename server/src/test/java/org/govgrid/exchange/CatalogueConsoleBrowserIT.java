package org.govgrid.exchange;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue in the console, as the town's command centre: the person form takes the
 * GB/T 31000 items (婚姻状况, 籍贯...) and saves them, and 按江苏省资源目录导出 on the people page
 * downloads a table in the catalogue's columns. Screenshots:
 * {@code target/screenshots/console-catalogue-*}.
 */
class CatalogueConsoleBrowserIT extends BrowserTest {

	private static final String GRID_1 = "320505006001001";

	@Test
	void thePersonFormSavesTheCatalogueItemsAndThePeoplePageExportsACatalogueTable() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String nonce = UUID.randomUUID().toString().substring(0, 6);
		String name = "目录表单" + nonce;
		long id = person(center, name);

		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/basedata/people/" + id));
		Locator drawer = page.locator("[data-testid=people-drawer]");
		assertThat(drawer).containsText(name);
		drawer.locator("[data-testid=people-edit]").click();
		Locator form = page.locator("[data-testid=people-form]");
		assertThat(form).containsText("婚姻状况");
		form.locator("[data-testid=field-formerName]").fill("旧名" + nonce);
		form.locator("[data-testid=field-nativePlace]").fill("340104");
		choose(page, form, "maritalStatus", "离婚");
		choose(page, form, "occupationCategory", "专业技术人员");
		choose(page, form, "householdConsistency", "不一致");
		form.locator(".el-form-item__label").first().click();
		page.waitForTimeout(300);
		shoot(page, "console-catalogue-person-form");
		page.locator(".el-dialog:visible .el-dialog__footer .el-button--primary").click();
		assertThat(page.locator(".el-dialog:visible [data-testid=people-form]")).hasCount(0);

		JsonNode saved = center.get("/api/v1/people/" + id).json();
		assertThat(saved.path("formerName").asString()).isEqualTo("旧名" + nonce);
		assertThat(saved.path("nativePlace").asString()).isEqualTo("340104");
		assertThat(saved.path("maritalStatus").asString()).isEqualTo("40");
		assertThat(saved.path("occupationCategory").asString()).isEqualTo("2");
		assertThat(saved.path("householdConsistency").asString()).isEqualTo("02");
		assertThat(drawer).containsText("离婚");

		page.navigate(url("/basedata/people"));
		page.locator("[data-testid=catalogue-export]").click();
		Locator dialog = page.locator(".el-dialog:visible");
		assertThat(dialog.locator("[data-testid=catalogue-tables]")).containsText("流动人口");
		dialog.locator("[data-testid=catalogue-floating]").click();
		page.waitForTimeout(300);
		shoot(page, "console-catalogue-export");
		Download download = page.waitForDownload(() -> dialog.locator("[data-testid=catalogue-download]").click());
		assertThat(download.suggestedFilename()).endsWith(".xlsx");
		List<List<String>> rows = Sheets.rows(Files.readAllBytes(download.path()));
		CatalogueTable<?> floating = JiangsuCatalogue.find("floating").orElseThrow();
		assertThat(rows.get(0)).isEqualTo(floating.headers());
		List<String> mine = rows.stream().filter(r -> r.contains(name)).findFirst().orElseThrow();
		assertThat(mine.get(rows.get(0).indexOf("婚姻状况"))).isEqualTo("40");
		assertThat(mine.get(rows.get(0).indexOf("公民身份号码"))).as("masked").contains("***********");
	}

	/** Picks the option of a dict field's select by its name. */
	private static void choose(Page page, Locator form, String field, String option) {
		form.locator("[data-testid=field-" + field + "]").click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(option)).first().click();
	}

	private long person(ApiClient client, String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("idNumber", TestIds.idNumber());
		body.put("name", name);
		body.put("householdType", "FLOATING");
		body.put("gridId", this.accounts.region(GRID_1).id());
		body.put("currentAddress", "狮山街道目录路" + name.length() + "号");
		body.put("religion", "00");
		ApiClient.Response created = client.post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

}
