package org.govgrid.identity;

import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** 标准 8c: accounts unused for two years are disabled and their sessions end. */
class DormantAccountJobIT extends ApiIntegrationTest {

	@Autowired
	DormantAccountJob job;

	@Test
	void disablesAccountsUnusedForTwoYearsAndEndsTheirSessions() {
		ApiClient sleeper = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		String sleeperName = sleeper.get("/api/v1/auth/me").json().path("username").asString();
		ApiClient active = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		String activeName = active.get("/api/v1/auth/me").json().path("username").asString();
		this.jdbc.update("update app_user set last_login_at = now() - interval '25 months',"
				+ " created_at = now() - interval '3 years' where username = ?", sleeperName);
		this.jdbc.update("update app_user set last_login_at = now() - interval '23 months' where username = ?",
				activeName);

		assertThat(this.job.disableDormant()).isPositive();

		assertThat(status(sleeperName)).isEqualTo("DISABLED");
		assertThat(status(activeName)).isEqualTo("ACTIVE");
		assertThat(sleeper.get("/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(active.get("/api/v1/auth/me").status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'USER_DISABLE' and username = 'system' and detail like ?",
				Long.class, sleeperName + ":%"))
			.isEqualTo(1);
		assertThat(new ApiClient(this.port).login(sleeperName, Accounts.PASSWORD).status()).isEqualTo(401);
	}

	private String status(String username) {
		return this.jdbc.queryForObject("select status from app_user where username = ?", String.class, username);
	}

}
