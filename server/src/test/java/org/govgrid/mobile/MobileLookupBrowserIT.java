package org.govgrid.mobile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * 查人查房 on the phone: worker1 finds a person of their grid by a name fragment and by the
 * exact ID number (masked on the card), and never one of the neighbouring grid; a house
 * by an address fragment, with that person among its residents.
 */
class MobileLookupBrowserIT extends BrowserTest {

	private static final String GRID_1 = "320505006001001";

	private static final String GRID_2 = "320505006001002";

	/** A demo house of grid 1. */
	private static final String HOUSE = "金山花园1幢2单元302室";

	@Test
	void aWorkerFindsAPersonOfTheirGridByNameAndByIdNumber() {
		ApiClient chief = this.accounts.demo(this.port, "chief1");
		String nonce = UUID.randomUUID().toString().substring(0, 6);
		String ownId = TestIds.idNumber(LocalDate.of(1979, 6, 2), "2");
		String otherId = TestIds.idNumber(LocalDate.of(1981, 9, 9), "1");
		JsonNode house = chief.get("/api/v1/houses?q=" + URLEncoder.encode(HOUSE, StandardCharsets.UTF_8))
			.json()
			.path("items")
			.get(0);
		long own = create(chief, "查找甲" + nonce, ownId, GRID_1, house.path("id").asLong());
		create(chief, "查找乙" + nonce, otherId, GRID_2, null);

		this.accounts.demo(this.port, "worker1");
		Page page = newPhone();
		signInOnPhone(page, "worker1", Accounts.PASSWORD);
		page.click("[data-testid=home-lookup]");
		page.waitForURL(Pattern.compile(".*/m/lookup$"));

		// a name fragment: the person of my grid, not the one of grid 2
		search(page, nonce);
		Locator hits = page.locator("[data-testid=lookup-person]");
		assertThat(hits).hasCount(1);
		assertThat(hits).containsText("查找甲" + nonce);
		assertThat(hits).containsText(ownId.substring(0, 3) + "***********" + ownId.substring(14));
		shoot(page, "mobile-lookup");
		hits.click();
		page.waitForURL(Pattern.compile(".*/m/lookup/people/" + own + "$"));
		assertThat(page.locator("[data-testid=person-card]")).containsText("查找甲" + nonce);
		assertThat(page.locator("[data-testid=person-idNumber]"))
			.hasText(ownId.substring(0, 3) + "***********" + ownId.substring(14));
		assertThat(page.locator("body")).not().containsText(ownId);
		shoot(page, "mobile-lookup-person");

		// the exact ID number finds them; the neighbour's finds nobody (and stays out of
		// the
		// URL)
		page.goBack();
		search(page, ownId);
		assertThat(page.locator("[data-testid=lookup-person]")).hasCount(1);
		assertThat(page.locator("[data-testid=lookup-person]")).containsText("查找甲" + nonce);
		search(page, otherId);
		assertThat(page.locator("[data-testid=lookup-person]")).hasCount(0);
		assertThat(page.locator(".van-empty")).containsText("没有找到");
		assertThat(page.url()).doesNotContain(otherId).doesNotContain(ownId);

		// 查房: the house by an address fragment, with the person among its residents
		page.locator("[data-testid=lookup-tabs] .van-tab", new Page.LocatorOptions().setHasText("查房")).click();
		search(page, HOUSE);
		Locator houses = page.locator("[data-testid=lookup-house]");
		assertThat(houses).hasCount(1);
		houses.click();
		page.waitForURL(Pattern.compile(".*/m/lookup/houses/" + house.path("id").asLong() + "$"));
		assertThat(page.locator("[data-testid=house-card]")).containsText(HOUSE);
		assertThat(page.locator("[data-testid=house-residents]")).containsText("查找甲" + nonce);
		shoot(page, "mobile-lookup-house");
	}

	private void search(Page page, String text) {
		page.fill("[data-testid=lookup-search] input", text);
		page.click("[data-testid=lookup-submit]");
		page.waitForLoadState();
	}

	private long create(ApiClient client, String name, String idNumber, String gridCode, Long houseId) {
		Map<String, Object> body = new HashMap<>();
		body.put("idNumber", idNumber);
		body.put("name", name);
		body.put("phone", TestIds.phone());
		body.put("householdType", "REGISTERED");
		body.put("gridId", this.accounts.region(gridCode).id());
		body.put("currentAddress", "狮山街道查找路" + name.length() + "号");
		body.put("houseId", houseId);
		ApiClient.Response created = client.post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

}
