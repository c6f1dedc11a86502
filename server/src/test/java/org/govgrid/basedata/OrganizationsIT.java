package org.govgrid.basedata;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations: the unified social credit code is checked (GB 32100) and unique; read
 * within the scope; changes guarded by the version.
 */
class OrganizationsIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	/** A valid random code of a company (9, 1) registered in 苏州高新区. */
	static String creditCode() {
		StringBuilder code = new StringBuilder("91320505");
		for (int i = 0; i < 9; i++) {
			code.append(CreditCodes.CHARSET.charAt(ThreadLocalRandom.current().nextInt(CreditCodes.CHARSET.length())));
		}
		return code.toString() + CreditCodes.checkCharacter(code.toString());
	}

	Map<String, Object> organization(String creditCode) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "苏州测试科技有限公司" + System.nanoTime());
		body.put("kind", "NON_PUBLIC_ECONOMIC");
		body.put("creditCode", creditCode);
		body.put("legalRepresentative", "陈立新");
		body.put("staffCount", 48);
		body.put("hazardType", "FIRE");
		body.put("partyMemberCount", 5);
		body.put("hasPartyOrg", true);
		body.put("address", "狮山街道长江路" + System.nanoTime() + "号");
		body.put("gridId", this.accounts.region(GRID_1).id());
		return body;
	}

	@Test
	void anOrganisationIsRegisteredOncePerCreditCodeAndSeenWithinTheScope() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient center = this.accounts.demo(this.port, "center");
		String code = creditCode();
		Response created = worker1.post("/api/v1/organizations", organization(code.toLowerCase()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("creditCode").asString()).as("stored upper case").isEqualTo(code);
		assertThat(created.json().path("kindName").asString()).isEqualTo("非公有制经济组织");
		assertThat(created.json().path("hazardTypeName").asString()).isEqualTo("消防隐患");
		assertThat(created.json().path("hasPartyOrg").asBoolean()).isTrue();
		assertThat(worker1.post("/api/v1/organizations", organization(code)).status()).as("the same code")
			.isEqualTo(409);

		assertThat(worker2.get("/api/v1/organizations/" + id).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/organizations/" + id).status()).isEqualTo(404);
		assertThat(chief1.get("/api/v1/organizations/" + id).status()).isEqualTo(200);
		assertThat(center.get("/api/v1/organizations/" + id).status()).isEqualTo(200);
		assertThat(worker2.get("/api/v1/organizations?q=" + code).json().path("total").asInt()).isZero();
		Response found = center.get("/api/v1/organizations?q=" + code + "&kind=NON_PUBLIC_ECONOMIC&hazardType=FIRE");
		assertThat(found.json().path("items").findValuesAsString("id")).containsExactly(String.valueOf(id));
		assertThat(center.get("/api/v1/organizations?kind=STATE&hazardType=LAVA").errorFields())
			.containsExactlyInAnyOrder("kind", "hazardType");
	}

	@Test
	void aBadCreditCodeIsNamedAndNothingIsWritten() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Integer before = this.jdbc.queryForObject("select count(*) from bd_organization", Integer.class);
		String good = creditCode();
		String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
		for (String bad : new String[] { wrongCheck, good.substring(0, 17), good.substring(0, 16) + "I" + "0", "" }) {
			Response response = worker1.post("/api/v1/organizations", organization(bad));
			assertThat(response.status()).as(bad).isEqualTo(400);
			assertThat(response.errorFields()).as(bad).containsExactly("creditCode");
		}

		Map<String, Object> many = organization(wrongCheck);
		many.put("name", " ");
		many.put("kind", "STATE");
		many.put("staffCount", -1);
		many.put("partyMemberCount", -2);
		many.put("hazardType", "LAVA");
		many.put("address", null);
		many.put("status", "CLOSED");
		assertThat(worker1.post("/api/v1/organizations", many).errorFields()).containsExactlyInAnyOrder("name", "kind",
				"creditCode", "staffCount", "partyMemberCount", "hazardType", "address", "status");
		assertThat(this.jdbc.queryForObject("select count(*) from bd_organization", Integer.class)).isEqualTo(before);
	}

	@Test
	void anUpdateNeedsTheCurrentVersionAndAFreeCode() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response created = worker1.post("/api/v1/organizations", organization(creditCode()));
		long id = created.json().path("id").asLong();
		Map<String, Object> update = organization(created.json().path("creditCode").asString());
		update.put("kind", "SOCIAL");
		update.put("hasPartyOrg", false);
		update.put("version", created.json().path("version").asInt());
		Response updated = worker1.put("/api/v1/organizations/" + id, update);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().path("kind").asString()).isEqualTo("SOCIAL");
		assertThat(updated.json().path("version").asInt()).isEqualTo(created.json().path("version").asInt() + 1);
		assertThat(worker1.put("/api/v1/organizations/" + id, update).status()).as("stale version").isEqualTo(409);

		String other = worker1.post("/api/v1/organizations", organization(creditCode()))
			.json()
			.path("creditCode")
			.asString();
		Map<String, Object> clash = organization(other);
		assertThat(worker1.put("/api/v1/organizations/" + id, clash).status()).as("another's code").isEqualTo(409);
	}

}
