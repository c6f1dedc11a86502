package org.govgrid.console;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.BrowserTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 基层党建 in the console: the centre creates a 党支部 under a 党委 through the organisation
 * dialog, placed in a grid of the town (入网落格); the members and activities pages list what
 * was registered; the leader's 党建统计 draws its charts and colours the town's grids by
 * coverage, in Chinese and in English.
 */
class PartyConsoleBrowserIT extends BrowserTest {

	private static final String TOWN = "320505006";

	private static final String GRID_1 = "320505006001001";

	@Test
	void theCentreCreatesABranchUnderACommitteeInAGridOfTheTown() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String nonce = UUID.randomUUID().toString().substring(0, 6);
		long committee = organization(center, "狮山街道党工委" + nonce, "COMMITTEE", null, List.of());
		String gridName = this.accounts.region(GRID_1).name();

		Page page = newPage();
		signIn(page, "center", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/party/organizations"));
		Locator node = page.locator("[data-testid=org-node-" + committee + "]");
		assertThat(node).containsText("狮山街道党工委" + nonce);
		assertThat(node).containsText("党委");
		node.click();
		assertThat(page.locator("[data-testid=org-detail-name]")).hasText("狮山街道党工委" + nonce);

		// 新增下级: the parent and its region are given, the type one level down to begin
		// with
		page.click("[data-testid=org-create-child]");
		Locator dialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("新增党组织"));
		assertThat(dialog.locator("[data-testid=org-type] .is-active")).hasText("党总支");
		assertThat(dialog.locator("[data-testid=org-type] [data-type=COMMITTEE]")).hasCount(0);
		dialog.locator("[data-testid=org-type] [data-type=BRANCH]").click();
		dialog.locator("[data-testid=org-name]").fill("第一党支部" + nonce);
		dialog.locator("[data-testid=org-secretary]").fill("王书记");
		dialog.locator("[data-testid=org-grids]").click();
		page.locator(".el-select-dropdown__item:visible", new Page.LocatorOptions().setHasText(gridName))
			.first()
			.click();
		dialog.locator(".el-dialog__title").click();
		page.waitForTimeout(500);
		shoot(page, "console-party-organization-dialog");
		dialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();
		assertThat(dialog).isHidden();

		// the new branch: under the committee in the tree, in its grid
		Long branch = this.jdbc.queryForObject("select id from party_organization where name = ?", Long.class,
				"第一党支部" + nonce);
		assertThat(page.locator("[data-testid=org-detail-name]")).hasText("第一党支部" + nonce);
		assertThat(page.locator("[data-testid=org-detail]")).containsText("党支部");
		assertThat(page.locator("[data-testid=org-detail]")).containsText("狮山街道党工委" + nonce);
		assertThat(page.locator("[data-testid=org-grids-detail]")).containsText(gridName);
		assertThat(page.locator("[data-testid=org-node-" + committee + "]")
			.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' el-tree-node ')][1]")
			.locator("[data-testid=org-node-" + branch + "]")).isVisible();
		shoot(page, "console-party-organizations");
		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.reload();
		page.locator("[data-testid=org-node-" + branch + "]").click();
		assertThat(page.locator("[data-testid=org-detail]")).containsText("Branch");
		page.waitForTimeout(600);
		shoot(page, "console-party-organizations-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");

		// its members and activities, masked ID numbers in the list
		String idNumber = TestIds.idNumber(LocalDate.of(1985, 3, 12), "1");
		long member = member(center, "党员甲" + nonce, idNumber, branch, GRID_1, true);
		member(center, "党员乙" + nonce, TestIds.idNumber(LocalDate.of(1990, 7, 1), "2"), branch, null, false);
		activity(center, branch, "主题党日" + nonce, List.of(member));
		page.navigate(url("/party/members?organizationId=" + branch));
		Locator rows = page.locator("[data-testid=member-table] .el-table__body tr");
		assertThat(rows).hasCount(2);
		Locator row = rows.filter(new Locator.FilterOptions().setHasText("党员甲" + nonce));
		assertThat(row.locator("[data-testid=member-id-number]"))
			.hasText(idNumber.substring(0, 3) + "***********" + idNumber.substring(14));
		assertThat(page.locator("body")).not().containsText(idNumber);
		assertThat(rows.filter(new Locator.FilterOptions().setHasText("党员乙" + nonce))).containsText("未落格");
		page.waitForTimeout(600);
		shoot(page, "console-party-members");
		page.click("[data-testid=member-create]");
		Locator memberDialog = page.locator(".el-dialog", new Page.LocatorOptions().setHasText("新增党员"));
		memberDialog.locator("[data-testid=member-name]").fill("党员丙" + nonce);
		memberDialog.locator("[data-testid=member-id-number]").fill("320505199001011234");
		memberDialog.locator("button", new Locator.LocatorOptions().setHasText("保存")).click();
		assertThat(memberDialog.locator(".el-form-item__error").first()).isVisible();
		page.waitForTimeout(400);
		shoot(page, "console-party-member-dialog");
		memberDialog.locator("button", new Locator.LocatorOptions().setHasText("取消")).click();

		page.navigate(url("/party/activities?organizationId=" + branch));
		Locator activityRow = page.locator("[data-testid=activity-table] .el-table__body tr",
				new Page.LocatorOptions().setHasText("主题党日" + nonce));
		assertThat(activityRow).hasCount(1);
		assertThat(activityRow).containsText("第一党支部" + nonce);
		page.waitForTimeout(600);
		shoot(page, "console-party-activities");
		activityRow.click();
		assertThat(page.locator("[data-testid=activity-participants-detail]")).containsText("党员甲" + nonce);
		page.waitForTimeout(600);
		shoot(page, "console-party-activity-drawer");
		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.navigate(url("/party/members?organizationId=" + branch));
		assertThat(page.locator("[data-testid=member-table] th").first()).hasText("Name");
		page.waitForTimeout(600);
		shoot(page, "console-party-members-en");
		page.navigate(url("/party/activities?organizationId=" + branch));
		assertThat(page.locator("[data-testid=activity-table]")).containsText("Theme day");
		page.waitForTimeout(600);
		shoot(page, "console-party-activities-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");
		page.context().close();
	}

	@Test
	void theLeaderSeesThePartyStatisticsWithChartsAndTheCoverageMap() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String nonce = UUID.randomUUID().toString().substring(0, 6);
		long committee = organization(center, "统计党委" + nonce, "COMMITTEE", null, List.of());
		long branch = organization(center, "统计支部" + nonce, "BRANCH", committee,
				List.of(this.accounts.region(GRID_1).id()));
		long member = member(center, "统计党员" + nonce, TestIds.idNumber(LocalDate.of(1978, 5, 5), "1"), branch, GRID_1,
				true);
		activity(center, branch, "志愿服务" + nonce, List.of(member));

		this.accounts.demo(this.port, "leader");
		Page page = newPage();
		signIn(page, "leader", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/party/stats"));
		assertThat(page.locator("[data-testid=party-figure-organizations] .figure-value")).not().hasText("0");
		assertThat(page.locator("[data-testid=party-figure-activities] .figure-value")).not().hasText("0");
		chartIsDrawn(page, "party-chart-month");
		chartIsDrawn(page, "party-chart-type");
		// the town's grids coloured by coverage: GRID_1 has the branch, others have none
		Locator map = page.locator("[data-testid=coverage-map]");
		assertThat(map.locator("path.party-grid.covered").first()).isVisible();
		assertThat(map.locator("path.party-org-point").first()).isAttached();
		// as many red grids as the figure says have no organisation, and listed beside
		// the map
		String uncovered = page.locator("[data-testid=party-figure-uncovered] .figure-value").innerText().strip();
		assertThat(map.locator("path.party-grid.uncovered")).hasCount(Integer.parseInt(uncovered));
		assertThat(page.locator("[data-testid=party-participation]")).containsText("统计支部" + nonce);
		page.waitForTimeout(500);
		shoot(page, "console-party-stats");
		page.locator("[data-testid=coverage-map]").scrollIntoViewIfNeeded();
		page.waitForTimeout(300);
		shoot(page, "console-party-stats-lower");

		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.reload();
		assertThat(page.locator("[data-testid=party-figure-organizations] .figure-label")).hasText("Organisations");
		chartIsDrawn(page, "party-chart-month");
		assertThat(map.locator("path.party-grid.covered").first()).isVisible();
		page.waitForTimeout(500);
		shoot(page, "console-party-stats-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");
		page.context().close();
	}

	private static void chartIsDrawn(Page page, String testid) {
		Locator canvas = page.locator("[data-testid=" + testid + "] canvas").first();
		assertThat(canvas).isVisible();
		page.waitForTimeout(800);
		Object inked = canvas.evaluate("""
				c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
				       let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }""");
		assertThat(((Number) inked).intValue()).as("painted pixels of " + testid).isGreaterThan(2000);
	}

	private long organization(ApiClient client, String name, String type, Long parentId, List<Long> gridIds) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("type", type);
		body.put("parentId", parentId);
		body.put("regionId", this.accounts.region(TOWN).id());
		body.put("gridIds", gridIds);
		body.put("secretaryName", "李书记");
		body.put("foundedOn", "2019-07-01");
		ApiClient.Response created = client.post("/api/v1/party/organizations", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private long member(ApiClient client, String name, String idNumber, long organizationId, String gridCode,
			boolean dualReport) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("idNumber", idNumber);
		body.put("phone", TestIds.phone());
		body.put("organizationId", organizationId);
		body.put("status", "FULL");
		body.put("joinedOn", "2010-07-01");
		body.put("gridId", gridCode == null ? null : this.accounts.region(gridCode).id());
		body.put("dualReport", dualReport);
		ApiClient.Response created = client.post("/api/v1/party/members", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	private void activity(ApiClient client, long organizationId, String title, List<Long> participants) {
		Map<String, Object> body = new HashMap<>();
		body.put("organizationId", organizationId);
		body.put("type", title.startsWith("志愿") ? "VOLUNTEER" : "THEME_DAY");
		body.put("title", title);
		body.put("heldAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(1).withNano(0).toString());
		body.put("place", "社区党群服务中心");
		double[] point = center(GRID_1);
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		body.put("participantIds", participants);
		body.put("content", "学习党的二十届四中全会精神");
		ApiClient.Response created = client.post("/api/v1/party/activities", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
	}

}
