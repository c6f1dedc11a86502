package org.govgrid.mobile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Geolocation;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.TestIds;
import org.govgrid.support.TestImages;
import org.govgrid.support.TestVideos;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 党建活动 from the phone: worker1 reports a theme day of the branch placed in their grid,
 * located by the phone, with two members who took part, a photo and a video; it is sent
 * through the outbox with its Idempotency-Key, listed on the phone, and the centre finds
 * it in the console's list with the photo and the playable video.
 */
class MobilePartyBrowserIT extends BrowserTest {

	private static final String TOWN = "320505006";

	private static final String GRID = "320505006001001";

	@Test
	void aWorkerReportsAnActivityThatTheCentreThenSeesInTheConsole() throws IOException {
		ApiClient center = this.accounts.demo(this.port, "center");
		String nonce = UUID.randomUUID().toString().substring(0, 6);
		long committee = organization(center, "金山社区党委" + nonce, "COMMITTEE", null, List.of());
		long branch = organization(center, "金山社区第一党支部" + nonce, "BRANCH", committee,
				List.of(this.accounts.region(GRID).id()));
		long first = member(center, "张党员" + nonce, TestIds.idNumber(LocalDate.of(1970, 1, 8), "1"), branch);
		long second = member(center, "李党员" + nonce, TestIds.idNumber(LocalDate.of(1988, 2, 9), "2"), branch);
		member(center, "赵党员" + nonce, TestIds.idNumber(LocalDate.of(1992, 3, 10), "1"), branch);
		Path photo = Files.createTempFile("party-", ".jpg");
		Files.write(photo, TestImages.jpg(640, 480));
		Path video = Files.createTempFile("party-", ".mp4");
		Files.write(video, TestVideos.mp4(320, 240, 25, 25));
		String title = "12月主题党日 " + nonce;

		this.accounts.demo(this.port, "worker1");
		double[] centre = center(GRID);
		Page page = newPhone();
		BrowserContext phone = page.context();
		phone.setGeolocation(new Geolocation(centre[1], centre[0]).setAccuracy(5));
		phone.grantPermissions(List.of("geolocation"));
		signInOnPhone(page, "worker1", Accounts.PASSWORD);
		page.click("[data-testid=home-party]");
		page.waitForURL(Pattern.compile(".*/m/party$"));
		page.click("[data-testid=party-report]");
		page.waitForURL(Pattern.compile(".*/m/party/report$"));

		pick(page, "[data-testid=party-organization]", "金山社区第一党支部" + nonce);
		pick(page, "[data-testid=party-type]", "主题党日");
		page.fill("[data-testid=party-title] input", title);
		page.fill("[data-testid=party-place] input", "金山社区党群服务中心");
		page.fill("[data-testid=party-content] textarea", "重温入党誓词，学习党章");
		assertThat(page.locator("[data-testid=party-location]")).containsText(String.format("%.6f", centre[0]));
		page.click("[data-testid=party-participants]");
		page.click("[data-testid=party-member-" + first + "]");
		page.click("[data-testid=party-member-" + second + "]");
		page.locator("[data-testid=party-members-sheet] button", new Page.LocatorOptions().setHasText("确定")).click();
		assertThat(page.locator("[data-testid=party-participants] input")).hasValue("已选 2 人");
		page.setInputFiles("[data-testid=party-files] input[type=file]", new Path[] { photo, video });
		assertThat(page.locator(".van-uploader__preview")).hasCount(2);
		shoot(page, "mobile-party-report");
		page.click("[data-testid=party-submit]");

		page.waitForURL(Pattern.compile(".*/m/party$"));
		Locator card = page.locator("[data-testid=party-item]", new Page.LocatorOptions().setHasText(title));
		assertThat(card).hasCount(1);
		assertThat(card).containsText("2 人参加");
		assertThat(page.locator("[data-testid=party-queued]")).hasCount(0);
		shoot(page, "mobile-party-activities");
		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.reload();
		assertThat(page.locator("[data-testid=party-item]", new Page.LocatorOptions().setHasText(title)))
			.containsText("2 took part");
		shoot(page, "mobile-party-activities-en");
		page.click("[data-testid=party-report]");
		page.waitForURL(Pattern.compile(".*/m/party/report$"));
		assertThat(page.locator("[data-testid=party-type]")).containsText("Type");
		shoot(page, "mobile-party-report-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");
		phone.close();

		// one activity (the outbox sent it once), in the worker's grid, with its files
		assertThat(
				this.jdbc.queryForObject("select count(*) from party_activity where title = ?", Integer.class, title))
			.isEqualTo(1);

		Page console = newPage();
		signIn(console, "center", Accounts.PASSWORD);
		console.waitForURL(url -> !url.contains("login"));
		console.navigate(url("/party/activities?organizationId=" + branch));
		Locator row = console.locator("[data-testid=activity-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText(title));
		assertThat(row).hasCount(1);
		assertThat(row).containsText("主题党日");
		assertThat(row).containsText("金山社区党群服务中心");
		row.click();
		Locator drawer = console.locator("[data-testid=activity-drawer]");
		assertThat(drawer.locator("[data-testid=activity-participants-detail]")).containsText("张党员" + nonce);
		assertThat(drawer.locator("[data-testid=activity-participants-detail]")).containsText("李党员" + nonce);
		assertThat(drawer.locator("[data-testid=activity-photos] img")).hasCount(1);
		assertThat(drawer.locator("[data-testid=activity-video]")).hasCount(1);
		console.waitForTimeout(600);
		console.waitForFunction("""
				() => { const v = document.querySelector('[data-testid=activity-video]');
				        return v && v.readyState >= 1 && v.videoWidth === 320; }""", null,
				new Page.WaitForFunctionOptions().setTimeout(30_000));
		shoot(console, "console-party-activity-from-phone");
		console.context().close();
	}

	/** Opens a field's picker, scrolls to the option by tapping it, and confirms. */
	private void pick(Page page, String field, String option) {
		page.click(field);
		Locator popup = page.locator(".van-popup:visible");
		popup.locator(".van-picker-column__item", new Locator.LocatorOptions().setHasText(option)).first().click();
		page.waitForTimeout(400);
		popup.locator(".van-picker__confirm").click();
		assertThat(page.locator(field + " input")).hasValue(option.strip());
	}

	private long organization(ApiClient client, String name, String type, Long parentId, List<Long> gridIds) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("type", type);
		body.put("parentId", parentId);
		body.put("regionId", this.accounts.region(TOWN).id());
		body.put("gridIds", gridIds);
		body.put("secretaryName", "周书记");
		ApiClient.Response created = client.post("/api/v1/party/organizations", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private long member(ApiClient client, String name, String idNumber, long organizationId) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("idNumber", idNumber);
		body.put("organizationId", organizationId);
		body.put("status", "FULL");
		body.put("gridId", this.accounts.region(GRID).id());
		body.put("dualReport", false);
		ApiClient.Response created = client.post("/api/v1/party/members", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

}
