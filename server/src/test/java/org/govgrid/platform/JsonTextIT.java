package org.govgrid.platform;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One rule for all JSON text (issue 21 item 5): an unpaired UTF-16 surrogate or a control
 * character other than tab, CR and LF is a 400 naming its field, and nothing is written.
 */
class JsonTextIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static final String BAD = "@@BAD@@";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void anEventReportWithAnUnpairedSurrogateOrAControlCharacterIsRefusedAndNotStored() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		String address = "编码测试路" + UUID.randomUUID();
		for (String bad : List.of("\\ud800", "\\udc00", "\\u0000", "\\u0007", "\\u001b", "\\u007f")) {
			Map<String, Object> report = eventReport("CSGL-01", GRID_1, "GRID_WORKER", "路口占道" + BAD + "经营", address);
			Response refused = worker1.postRaw("/api/v1/events", JSON.writeValueAsString(report).replace(BAD, bad));
			assertThat(refused.status()).as(bad + ": " + refused.body()).isEqualTo(400);
			assertThat(refused.problemType()).isEqualTo("https://govgrid.org/problems/invalid-input");
			assertThat(refused.errorFields()).as(bad).containsExactly("description");
			assertThat(refused.body()).contains("invalid Unicode or control characters");
		}
		assertThat(this.jdbc.queryForObject("select count(*) from event where address = ?", Long.class, address))
			.isZero();

		// tab, line breaks and a character beyond the BMP (a valid surrogate pair) are
		// text
		Map<String, Object> fine = eventReport("CSGL-01", GRID_1, "GRID_WORKER", "第一行\r\n第二行\t😀 占道", address);
		Response created = worker1.post("/api/v1/events", fine,
				Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(this.jdbc.queryForObject("select description from event where address = ?", String.class, address))
			.isEqualTo("第一行\r\n第二行\t😀 占道");
	}

	@Test
	void anotherWriteEndpointNamesTheFieldInsideAList() {
		ApiClient admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		String username = "jt_" + UUID.randomUUID().toString().substring(0, 8);
		long town = this.accounts.region("320505006").id();
		String form = JSON.writeValueAsString(Map.of("username", username, "displayName", "网格员", "scopeRegionId", town,
				"roles", List.of("GRID_WORKER", "X" + BAD)));

		Response inList = admin.postRaw("/api/v1/users", form.replace(BAD, "\\ud83d"));
		assertThat(inList.status()).as(inList.body()).isEqualTo(400);
		assertThat(inList.errorFields()).containsExactly("roles[1]");

		Response inName = admin.postRaw("/api/v1/users",
				form.replace("网格员", "网格" + BAD).replace("X" + BAD, "GRID_WORKER").replace(BAD, "\\u0008"));
		assertThat(inName.status()).as(inName.body()).isEqualTo(400);
		assertThat(inName.errorFields()).containsExactly("displayName");
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where username = ?", Long.class, username))
			.isZero();
	}

	@Test
	void aQueryParameterWithAControlCharacterIsRefusedByName() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Response refused = center.get("/api/v1/events?keyword=%E5%8D%A0%07%E9%81%93");
		assertThat(refused.status()).as(refused.body()).isEqualTo(400);
		assertThat(refused.problemType()).isEqualTo("https://govgrid.org/problems/invalid-input");
		assertThat(refused.errorFields()).containsExactly("keyword");
		assertThat(center.get("/api/v1/events?keyword=%E5%8D%A0%E9%81%93").status()).isEqualTo(200);
		assertThat(new ApiClient(this.port).get("/api/v1/events?q=%00").status()).as("anonymous: 401 first")
			.isEqualTo(401);
	}

}
