package org.govgrid;

import java.util.List;
import java.util.Map;

import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The foundation's acceptance checks, run with the demo users over real HTTP. */
class DemoAcceptanceIT extends ApiIntegrationTest {

	@Test
	void healthIsPublicAndOtherActuatorEndpointsAreNot() {
		ApiClient anonymous = new ApiClient(this.port);
		Response health = anonymous.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(401);
		assertThat(anonymous.get("/actuator/env").status()).isEqualTo(401);
		assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
	}

	@Test
	void workerMustChangeInitialPasswordThenSeesOnlyOwnGrid() {
		this.accounts.initial("worker1");
		ApiClient worker1 = new ApiClient(this.port);
		Response login = worker1.login("worker1", Accounts.INITIAL);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
		assertThat(worker1.sessionCookie()).isNotNull();

		Response blocked = worker1.get("/api/v1/regions/tree");
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.problemType()).isEqualTo("https://govgrid.org/problems/password-change-required");
		assertThat(worker1.get("/api/v1/auth/me").status()).isEqualTo(200);

		Response weak = worker1.changePassword(Accounts.INITIAL, "short");
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.errorFields()).containsExactly("newPassword");
		Response bothBad = worker1.changePassword("wrong-old", "Worker1@x2026");
		assertThat(bothBad.errorFields()).containsExactlyInAnyOrder("oldPassword", "newPassword");
		assertThat(worker1.changePassword(Accounts.INITIAL, Accounts.INITIAL).errorFields())
			.containsExactly("newPassword");

		assertThat(worker1.changePassword(Accounts.INITIAL, "Grid#Secure2026").status()).isEqualTo(204);
		assertThat(worker1.get("/api/v1/auth/me").json().path("mustChangePassword").asBoolean()).isFalse();

		JsonNode tree = worker1.get("/api/v1/regions/tree").json();
		assertThat(tree).hasSize(1);
		assertThat(tree.get(0).path("code").asString()).isEqualTo("320505006001001");
		assertThat(tree.get(0).path("level").asString()).isEqualTo("GRID");
		assertThat(tree.get(0).path("children")).isEmpty();

		double[] ownPoint = center("320505006001001");
		Response own = worker1.get("/api/v1/regions/locate?lon=" + ownPoint[0] + "&lat=" + ownPoint[1]);
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().path("code").asString()).isEqualTo("320505006001001");

		double[] worker3Point = center("320505007001001");
		Response foreign = worker1.get("/api/v1/regions/locate?lon=" + worker3Point[0] + "&lat=" + worker3Point[1]);
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.contentType()).startsWith("application/problem+json");
	}

	@Test
	void sixWrongPasswordsLockTheAccountAndTheRightOneIsRefusedAlike() {
		this.accounts.initial("worker2");
		// other tests may have signed worker2 in before: count only this test's rows
		long before = this.jdbc.queryForObject("select count(*) from audit_log where username = 'worker2'", Long.class);
		ApiClient client = new ApiClient(this.port);
		String message = null;
		for (int i = 0; i < 6; i++) {
			Response wrong = client.login("worker2", "Wrong#Pass" + i);
			assertThat(wrong.status()).isEqualTo(401);
			message = wrong.json().path("detail").asString();
		}
		Response right = client.login("worker2", Accounts.INITIAL);
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.json().path("detail").asString()).isEqualTo(message);
		Response unknown = client.login("nobody-at-all", Accounts.INITIAL);
		assertThat(unknown.json().path("detail").asString()).isEqualTo(message);

		ApiClient auditor = this.accounts.signedIn(this.port, "AUDITOR", "320500");
		JsonNode logs = auditor.get("/api/v1/audit/logs?username=worker2&size=50").json();
		List<String> actions = logs.path("items")
			.valueStream()
			.map(r -> r.path("action").asString() + "/" + r.path("outcome").asString())
			.toList();
		assertThat(actions).contains("LOCKOUT/SUCCESS", "LOGIN/FAILURE");
		assertThat(actions.stream().filter("LOCKOUT/SUCCESS"::equals)).hasSize(1);
		assertThat(logs.path("total").asLong()).isEqualTo(before + 8);
	}

	@Test
	void auditTrailIsAppendOnlyAndVerifiable() {
		ApiClient auditor = this.accounts.signedIn(this.port, "AUDITOR", "320500");
		Response verify = auditor.get("/api/v1/audit/verify");
		assertThat(verify.status()).isEqualTo(200);
		assertThat(verify.json().path("intact").asBoolean()).isTrue();
		assertThat(verify.json().path("checked").asLong()).isPositive();

		assertThatThrownBy(() -> this.jdbc.update("update audit_log set detail = 'tampered' where id = 1"))
			.hasMessageContaining("audit_log rows cannot be changed");
		assertThatThrownBy(() -> this.jdbc.update("delete from audit_log where id = 1"))
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.execute("truncate audit_log")).hasMessageContaining("append-only");

		ApiClient admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		assertThat(admin.get("/api/v1/audit/logs").status()).isEqualTo(403);
		Response adminDenied = auditor.get("/api/v1/audit/logs?action=ACCESS_DENIED&size=200");
		assertThat(adminDenied.json()
			.path("items")
			.valueStream()
			.anyMatch(r -> r.path("objectId").asString().equals("GET /api/v1/audit/logs"))).isTrue();
	}

	@Test
	void brokenChainIsReportedAtTheFirstBadRow() {
		ApiClient auditor = this.accounts.signedIn(this.port, "AUDITOR", "320500");
		assertThat(auditor.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
		Long victim = this.jdbc.queryForObject("select min(id) from audit_log where hash is not null", Long.class);
		String original = this.jdbc.queryForObject("select detail from audit_log where id = ?", String.class, victim);
		// a superuser with triggers switched off is the only way in; verify must still
		// notice
		this.jdbc.execute("alter table audit_log disable trigger audit_log_append_only");
		try {
			this.jdbc.update("update audit_log set detail = 'rewritten history' where id = ?", victim);
			JsonNode report = auditor.get("/api/v1/audit/verify").json();
			assertThat(report.path("intact").asBoolean()).isFalse();
			assertThat(report.path("firstBrokenId").asLong()).isEqualTo(victim);
		}
		finally {
			this.jdbc.update("update audit_log set detail = ? where id = ?", original, victim);
			this.jdbc.execute("alter table audit_log enable trigger audit_log_append_only");
		}
		assertThat(auditor.get("/api/v1/audit/verify").json().path("intact").asBoolean()).isTrue();
	}

}
