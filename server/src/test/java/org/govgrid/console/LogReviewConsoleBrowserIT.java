package org.govgrid.console;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.Accounts;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 运维管理 › 日志审查 (issue 15 item 3): the security admin opens a day's digest, sees its failed
 * sign-ins and marks it reviewed with a comment; the auditor reads the review and has no
 * review form (三员分立).
 */
class LogReviewConsoleBrowserIT extends BrowserTest {

	private static final String CITY = "320500";

	@Test
	void theSecurityAdminReviewsADigestAndTheAuditorOnlyReads() {
		// a day of its own, long past, so no other test builds or reviews it
		LocalDate day = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
		String account = "lrv" + System.nanoTime() % 1_000_000;
		this.jdbc.update("""
				insert into ops_log_digest (digest_date, built_at, content) values (?, now(), cast(? as jsonb))
				on conflict (digest_date) do update set content = excluded.content, reviewed_at = null,
				    reviewed_by = null, review_comment = null""", java.sql.Date.valueOf(day), """
				{"totals": {"auditRows": 120, "logLines": 3400, "logErrors": 2, "logRead": true, "failedSignIns": 7,
				 "lockouts": 1, "denials": 6, "exports": 1, "unusualHours": "00:00–06:00"},
				 "errors": [{"logger": "org.govgrid.event.EventService", "exception": "java.lang.IllegalStateException",
				   "count": 2, "lastAt": "%1$sT02:10:00Z", "lastMessage": "处理失败", "lastRequestId": "req-1234abcd"}],
				 "failedSignInsByAccount": [{"username": "%2$s", "failures": 6, "lockouts": 1, "addresses": 1},
				   {"username": "***", "failures": 1, "lockouts": 0, "addresses": 1}],
				 "failedSignInsByAddress": [{"clientIp": "10.0.8.21", "failures": 7, "lockouts": 1, "accounts": 2}],
				 "denialBursts": [{"username": "%2$s", "denials": 6, "peak": 6, "peakFrom": "%1$sT03:00:00Z",
				   "peakTo": "%1$sT03:01:30Z"}],
				 "unusualHours": [{"username": "%2$s", "actions": 14, "firstAt": "%1$sT17:05:00Z",
				   "lastAt": "%1$sT19:40:00Z"}],
				 "exports": [{"username": "%2$s", "action": "BASEDATA_EXPORT", "objectType": "people", "rows": 350,
				   "unmasked": true, "outcome": "SUCCESS", "at": "%1$sT06:30:00Z"}]}""".formatted(day, account));

		String security = this.accounts.create("lrsec" + System.nanoTime() % 1_000_000, "SEC_ADMIN", CITY);
		Page page = newPage();
		signIn(page, security, Accounts.INITIAL);
		changeInitialPassword(page, Accounts.PASSWORD);
		page.navigate(url("/ops/log-review"));
		Locator row = page.locator("[data-testid=digest-table] .el-table__body tr.el-table__row")
			.filter(new Locator.FilterOptions().setHasText(day.toString()));
		assertThat(row.locator("[data-testid=digest-status]")).hasText("待审查");
		row.click();
		Locator detail = page.locator("[data-testid=digest-detail]");
		assertThat(detail).containsText(day + " 日志摘要");
		assertThat(page.locator("[data-testid=failed-by-account]")).containsText(account);
		assertThat(detail).containsText("java.lang.IllegalStateException");
		assertThat(detail).containsText("BASEDATA_EXPORT");
		assertThat(page.locator("[data-testid=total-failed]")).hasText("7");
		shoot(page, "console-ops-log-review");

		String comment = "已核实：" + account + " 为测试账号，失败登录与越权访问均为测试所致";
		page.locator("[data-testid=digest-review] textarea").fill(comment);
		page.locator("[data-testid=review-submit]").click();
		assertThat(page.locator(".el-message--success")).containsText(day.toString());
		assertThat(page.locator("[data-testid=review-done]")).containsText(security);
		assertThat(page.locator("[data-testid=review-comment]")).hasText(comment);
		assertThat(row.locator("[data-testid=digest-status]")).hasText("已审查");
		shoot(page, "console-ops-log-review-done");
		Integer audited = this.jdbc.queryForObject(
				"""
						select count(*) from audit_log where action = 'OPS_LOG_DIGEST_REVIEW' and username = ? and object_id = ?""",
				Integer.class, security, day.toString());
		assertThat(audited).isEqualTo(1);

		String auditor = this.accounts.create("lraud" + System.nanoTime() % 1_000_000, "AUDITOR", CITY);
		Page audit = newPage();
		signIn(audit, auditor, Accounts.INITIAL);
		changeInitialPassword(audit, Accounts.PASSWORD);
		audit.navigate(url("/ops/log-review"));
		assertThat(audit.locator("[data-testid=read-only]")).isVisible();
		audit.locator("[data-testid=digest-table] .el-table__body tr.el-table__row")
			.filter(new Locator.FilterOptions().setHasText(day.toString()))
			.click();
		assertThat(audit.locator("[data-testid=review-comment]")).hasText(comment);
		assertThat(audit.locator("[data-testid=review-submit]")).hasCount(0);
		assertThat(audit.locator("[data-testid=review-input]")).hasCount(0);
		shoot(audit, "console-ops-log-review-auditor");
	}

}
