package org.govgrid.identity;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A production start (no demo profile) on an empty database creates the three
 * administrators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govgrid.data-dir=target/it-data-production", "govgrid.db.embedded-clean=true",
				"govgrid.bootstrap.city-code=320500", "govgrid.bootstrap.city-name=苏州市",
				"govgrid.bootstrap.admin-password=Start#Admin2026", "govgrid.bootstrap.secadmin-password=Start#Sec2026",
				"govgrid.bootstrap.auditor-password=Start#Audit2026",
				// production keeps its identifier keys outside the data dir (ADR 0013)
				"govgrid.crypto.key-file=target/it-keys-production/identifier-keys.properties" })
class FirstAdministratorsIT {

	@LocalServerPort
	int port;

	@Test
	void createsTheSeparatedAdministratorsEachWithItsOwnSecretToChangeAndNoDemoData() {
		java.util.Map<String, String> secrets = java.util.Map.of("admin", "Start#Admin2026", "secadmin",
				"Start#Sec2026", "auditor", "Start#Audit2026");
		for (var secret : secrets.entrySet()) {
			String username = secret.getKey();
			ApiClient client = new ApiClient(this.port);
			Response login = client.login(username, secret.getValue());
			assertThat(login.status()).as(username).isEqualTo(200);
			assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
			assertThat(login.json().path("scope").path("code").asString()).isEqualTo("320500");
		}
		// nobody's secret opens another's account
		for (var secret : secrets.entrySet()) {
			for (String other : secrets.keySet()) {
				if (!other.equals(secret.getKey())) {
					assertThat(new ApiClient(this.port).login(other, secret.getValue()).status()).as(other)
						.isEqualTo(401);
				}
			}
		}
		ApiClient admin = new ApiClient(this.port);
		admin.login("admin", "Start#Admin2026");
		admin.changePassword("Start#Admin2026", "Fresh#Start2026");
		assertThat(admin.get("/api/v1/regions/tree").json().get(0).path("children")).isEmpty();
		assertThat(new ApiClient(this.port).login("worker1", "GovGrid@2026").status()).isEqualTo(401);
	}

}
