package org.govgrid.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.govgrid.platform.BackupLocation;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * 运维管理 › 备份恢复 in the console: the system admin starts a full backup, follows it until it
 * is done and verified, runs a restore drill of it and reads the result per table, in
 * Chinese and in English.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupsConsoleBrowserIT extends BrowserTest {

	/** Backups and drills take their time on a busy machine. */
	private static final LocatorAssertions.ContainsTextOptions SLOW = new LocatorAssertions.ContainsTextOptions()
		.setTimeout(240_000);

	private final List<Long> taken = new ArrayList<>();

	/** A backup holds a copy of the whole database: it does not stay in target/. */
	@AfterAll
	void deleteTheBackupsTaken() throws IOException {
		Path root = BackupLocation.root(Path.of("target", "it-data"), "");
		for (long id : this.taken) {
			try (Stream<Path> files = Files.walk(root.resolve(Long.toString(id)))) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(file);
				}
			}
		}
	}

	@Test
	void theAdminStartsAFullBackupAndRunsARestoreDrillOfIt() {
		this.accounts.demo(this.port, "admin");
		Page page = newPage();
		signIn(page, "admin", Accounts.PASSWORD);
		page.waitForURL(url -> !url.contains("login"));
		page.navigate(url("/ops/backups"));
		assertThat(page.locator(".el-menu").first()).containsText("运维管理");

		page.click("[data-testid=backup-start-full]");
		Locator newest = page.locator("[data-testid=backup-table] .el-table__body tr").first();
		assertThat(newest).containsText("全量");
		assertThat(newest.locator("[data-testid=backup-status]")).containsText("完成", SLOW);
		assertThat(newest).containsText("已校验");
		this.taken.add(Long.parseLong(newest.locator("td").first().innerText().strip()));
		settle(page);
		shoot(page, "console-ops-backups");

		newest.locator("[data-testid=backup-drill]").click();
		Locator dialog = page.locator("[data-testid=drill-dialog]");
		assertThat(dialog).containsText("备份结束时的状态");
		dialog.locator("[data-testid=drill-run]").click();
		assertThat(dialog.locator("[data-testid=drill-status]")).containsText("通过", SLOW);
		assertThat(dialog.locator("[data-testid=drill-summary]")).containsText("一致");
		assertThat(dialog.locator("[data-testid=drill-tables] .el-table__body tr")).not().hasCount(0);
		assertThat(dialog.locator("[data-testid=drill-tables]")).containsText("event");
		settle(page);
		shoot(page, "console-ops-backup-drill");

		// the same page in English, with the drill just made
		page.evaluate("localStorage.setItem('govgrid.locale', 'en')");
		page.reload();
		Locator row = page.locator("[data-testid=backup-table] .el-table__body tr").first();
		assertThat(row).containsText("Full");
		assertThat(row.locator("[data-testid=backup-status]")).containsText("Done");
		settle(page);
		shoot(page, "console-ops-backups-en");
		row.locator("[data-testid=backup-last-drill]").click();
		assertThat(page.locator("[data-testid=drill-status]")).containsText("Passed");
		assertThat(page.locator("[data-testid=drill-summary]")).containsText("equal");
		settle(page);
		shoot(page, "console-ops-backup-drill-en");
		page.evaluate("localStorage.removeItem('govgrid.locale')");
	}

	/**
	 * The table's loading mask gone and Element Plus' fade-ins over, so the screenshot
	 * shows the page at rest.
	 */
	private static void settle(Page page) {
		assertThat(page.locator("[data-testid=backup-table] .el-loading-mask")).isHidden();
		page.waitForTimeout(500);
	}

}
