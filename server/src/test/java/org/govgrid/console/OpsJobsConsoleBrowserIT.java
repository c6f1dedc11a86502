package org.govgrid.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 运维管理 › 定时任务 and 安全检查: a system admin sees every job with its schedule and runs a safe
 * one by hand; the auditor sees the same table without a run button; a security admin
 * loads an OSV file and sees the vulnerable component and the demo profile among the
 * findings.
 */
class OpsJobsConsoleBrowserIT extends BrowserTest {

	private static final String CITY = "320500";

	@Test
	void theSystemAdminRunsASafeJobAndTheAuditorOnlyReads() {
		String admin = this.accounts.create("opsadm" + System.nanoTime() % 1_000_000, "SYS_ADMIN", CITY);
		Page page = newPage();
		signIn(page, admin, Accounts.INITIAL);
		changeInitialPassword(page, Accounts.PASSWORD);
		page.navigate(url("/ops/jobs"));
		Locator table = page.locator("[data-testid=job-table]");
		assertThat(table).containsText("dormant-accounts");
		assertThat(table).containsText("0 0 2 1 * *");
		assertThat(table).containsText("audit-chain-seal");
		Locator row = table.locator(".el-table__body tr.el-table__row")
			.filter(new Locator.FilterOptions().setHasText("ops-job-history-retention"));
		row.locator("[data-testid=job-run]").click();
		page.locator(".el-message-box .el-button--primary").click();
		assertThat(page.locator(".el-message--success")).containsText("ops-job-history-retention");
		assertThat(row.locator("[data-testid=job-outcome]")).hasText("成功");
		row.locator(".el-table__expand-icon").click();
		assertThat(page.locator("[data-testid=job-runs]").first()).containsText("手动");
		assertThat(page.locator("[data-testid=job-runs]").first()).containsText(admin);
		assertThat(page.locator(".el-menu").first()).containsText("运维管理");
		shoot(page, "console-ops-jobs");

		String auditor = this.accounts.create("opsaud" + System.nanoTime() % 1_000_000, "AUDITOR", CITY);
		Page audit = newPage();
		signIn(audit, auditor, Accounts.INITIAL);
		changeInitialPassword(audit, Accounts.PASSWORD);
		audit.navigate(url("/ops/jobs"));
		assertThat(audit.locator("[data-testid=job-table]")).containsText("dormant-accounts");
		assertThat(audit.locator("[data-testid=job-run]")).hasCount(0);
	}

	@Test
	void theSecurityAdminLoadsAdvisoriesAndSeesTheFindings() throws IOException {
		String jsoup = sbomVersion("pkg:maven/org.jsoup/jsoup@");
		Path feed = Files.createTempFile("osv-", ".json");
		Files.writeString(feed, """
				{"id":"GOVGRID-UI-%d","summary":"界面测试：jsoup 清洗绕过","aliases":["CVE-2099-0002"],
				 "database_specific":{"severity":"CRITICAL"},
				 "affected":[{"package":{"ecosystem":"Maven","name":"org.jsoup:jsoup"},
				   "ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"99.0"}]}]}]}"""
			.formatted(System.nanoTime()), StandardCharsets.UTF_8);
		String security = this.accounts.create("opssec" + System.nanoTime() % 1_000_000, "SEC_ADMIN", CITY);
		Page page = newPage();
		signIn(page, security, Accounts.INITIAL);
		changeInitialPassword(page, Accounts.PASSWORD);
		page.navigate(url("/ops/security"));
		assertThat(page.locator("[data-testid=report-summary]")).isVisible();
		page.locator(".el-upload input[type=file]").setInputFiles(feed);
		assertThat(page.locator(".el-message--success")).containsText("已导入 1 条漏洞通告");
		Locator findings = page.locator("[data-testid=finding-table]");
		assertThat(findings).containsText("org.jsoup:jsoup@" + jsoup);
		assertThat(findings).containsText("组件存在已知漏洞");
		assertThat(findings).containsText("CVE-2099-0002");
		assertThat(findings).containsText("演示模式已开启");
		assertThat(findings.locator(".el-table__body tr").first()).containsText("严重");
		assertThat(page.locator("[data-testid=count-CRITICAL]")).not().hasText("0");
		shoot(page, "console-ops-security");
		page.locator("[data-testid=severity-filter] label").nth(1).click();
		assertThat(findings).not().containsText("演示模式已开启");
		Files.deleteIfExists(feed);
	}

	private String sbomVersion(String purlPrefix) throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/sbom/application.cdx.json")) {
			for (JsonNode component : JsonMapper.builder().build().readTree(in).path("components")) {
				if (component.path("purl").asString().startsWith(purlPrefix)) {
					return component.path("version").asString();
				}
			}
		}
		throw new AssertionError("no " + purlPrefix + " in the SBOM");
	}

}
