package org.govgrid.identity;

import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceRegistrationIT extends ApiIntegrationTest {

	@Test
	void thePhoneBindsItselfToItsWorkerOnce() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		Response first = worker1.post("/api/v1/auth/device", Map.of("deviceCode", "m-7f3a9c21", "name", "华为 P60"));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		long id = first.json().path("id").asLong();
		assertThat(first.json().path("type").asString()).isEqualTo("PHONE");
		Response again = worker1.post("/api/v1/auth/device", Map.of("deviceCode", "m-7f3a9c21"));
		assertThat(again.json().path("id").asLong()).isEqualTo(id);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'DEVICE_REGISTER'" + " and object_id = ?", Long.class,
				String.valueOf(id)))
			.as("bound once, seen twice")
			.isEqualTo(1);
		assertThat(worker2.post("/api/v1/auth/device", Map.of("deviceCode", "m-7f3a9c21")).status()).isEqualTo(409);
		assertThat(worker1.post("/api/v1/auth/device", Map.of("deviceCode", "x", "type", "WATCH")).errorFields())
			.containsExactlyInAnyOrder("deviceCode", "type");
		assertThat(this.jdbc.queryForObject("select user_id from device where id = ?", Long.class, id))
			.isEqualTo(this.accounts.id("worker1"));
	}

}
