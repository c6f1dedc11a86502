package org.govgrid.platform;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database's pool takes the same outage settings as an external one's (the
 * external path is exercised by {@link DatabaseCutIT}), and no connection keeps the
 * unlimited timeout migrations ran with.
 */
class DatabaseSettingsIT extends ApiIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void theEmbeddedPoolWaitsThreeSecondsAndEveryConnectionHasTheStatementTimeout() throws Exception {
		HikariDataSource pool = this.dataSource.unwrap(HikariDataSource.class);
		assertThat(pool.getConnectionTimeout()).isEqualTo(3_000);
		assertThat(pool.getKeepaliveTime()).isEqualTo(30_000);
		assertThat(pool.getDataSourceProperties().getProperty("options")).isEqualTo("-c statement_timeout=15s");
		for (int i = 0; i < 5; i++) {
			assertThat(this.jdbc.queryForObject("show statement_timeout", String.class)).isEqualTo("15s");
		}
	}

	@Test
	void readinessAndLivenessAreUpWithTheDatabase() {
		ApiClient anonymous = new ApiClient(this.port);
		assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
	}

}
