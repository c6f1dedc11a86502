package org.govgrid.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.messaging.SmsMessage;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.RecordingSmsGateway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 三员分立 between accounts (issue 21 item 5): no one of the system admin, security admin and
 * auditor takes over another's account. Each refused path answers a 403 problem and
 * changes nothing; a separated admin's reset waits for a second admin and its temporary
 * password reaches only the holder's phone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeparationOfDutiesIT extends ApiIntegrationTest {

	private static final String USERS = "/api/v1/users";

	private static final String RESETS = "/api/v1/password-resets";

	private static final String FORBIDDEN = "https://govgrid.org/problems/forbidden";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	RecordingSmsGateway sms;

	private ApiClient sysAdmin;

	private ApiClient secAdmin;

	private long city;

	@BeforeAll
	void administrators() {
		this.sysAdmin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		this.secAdmin = this.accounts.signedIn(this.port, "SEC_ADMIN", "320500");
		this.city = this.accounts.region("320500").id();
	}

	@Test
	void systemAdminCannotCreateSecurityAdminsOrAuditors() {
		for (String role : List.of("SEC_ADMIN", "AUDITOR")) {
			long before = count("app_user");
			Response created = this.sysAdmin.post(USERS, form(unique("sod_new"), "13800002222", List.of(role)));
			assertForbidden(created, role);
			assertThat(count("app_user")).as(role).isEqualTo(before);
		}
	}

	@Test
	void systemAdminCannotGrantAnotherDutyToAnExistingAccount() {
		long worker = id(this.accounts.signedIn(this.port, "GRID_WORKER", "320505006"));
		Map<String, Object> form = form(username(worker), "13800003333", List.of("SEC_ADMIN"));
		form.put("scopeRegionId", this.accounts.region("320505006").id());

		assertForbidden(this.sysAdmin.put(USERS + "/" + worker, form), "grant");
		assertThat(this.sysAdmin.get(USERS + "/" + worker).json().path("roles").toString())
			.isEqualTo("[\"GRID_WORKER\"]");
	}

	@Test
	void noAdminResetsTheOtherDutiesPasswords() {
		long sec = id(this.accounts.signedIn(this.port, "SEC_ADMIN", "320500"));
		long auditor = id(this.accounts.signedIn(this.port, "AUDITOR", "320500"));
		long sys = id(this.accounts.signedIn(this.port, "SYS_ADMIN", "320500"));
		record Attempt(ApiClient by, long target, String name) {
		}
		for (Attempt attempt : List.of(new Attempt(this.sysAdmin, sec, "SYS_ADMIN resets SEC_ADMIN"),
				new Attempt(this.sysAdmin, auditor, "SYS_ADMIN resets AUDITOR"),
				new Attempt(this.secAdmin, sys, "SEC_ADMIN resets SYS_ADMIN"),
				new Attempt(this.secAdmin, auditor, "SEC_ADMIN resets AUDITOR"))) {
			String hash = hash(attempt.target());
			long requests = count("password_reset_request");
			assertForbidden(attempt.by().post(USERS + "/" + attempt.target() + "/password-reset", null),
					attempt.name());
			assertThat(hash(attempt.target())).as(attempt.name()).isEqualTo(hash);
			assertThat(count("password_reset_request")).as(attempt.name()).isEqualTo(requests);
		}
	}

	@Test
	void systemAdminCannotChangeASecurityAdminsAccount() {
		long sec = id(this.accounts.signedIn(this.port, "SEC_ADMIN", "320500"));
		Map<String, Object> form = form(username(sec), "13800004444", List.of("GRID_WORKER"));
		assertForbidden(this.sysAdmin.put(USERS + "/" + sec, form), "demote");
		assertThat(this.sysAdmin.get(USERS + "/" + sec).json().path("roles").toString()).isEqualTo("[\"SEC_ADMIN\"]");
	}

	@Test
	void aSeparatedAdminsFirstPasswordGoesToTheirPhoneNotToTheCreator() {
		String username = unique("sod_sys");
		int sent = this.sms.sent().size();
		Response created = this.sysAdmin.post(USERS, form(username, "13800005555", List.of("SYS_ADMIN")));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("temporaryPassword").isNull()).isTrue();
		SmsMessage message = this.sms.sent().get(sent);
		assertThat(message.phone()).isEqualTo("13800005555");
		String temporary = message.text().replaceAll(".*初始密码：(\\S+?)，.*", "$1");
		assertThat(created.body()).doesNotContain(temporary);
		assertThat(new ApiClient(this.port).login(username, temporary).status()).isEqualTo(200);

		Response withoutPhone = this.sysAdmin.post(USERS, form(unique("sod_nophone"), null, List.of("SYS_ADMIN")));
		assertThat(withoutPhone.status()).isEqualTo(400);
		assertThat(withoutPhone.errorFields()).containsExactly("phone");
	}

	@Test
	void aSystemAdminsResetWaitsForASecondAdminAndReachesOnlyTheHoldersPhone() {
		String username = unique("sod_holder");
		this.sysAdmin.post(USERS, form(username, "13800006666", List.of("SYS_ADMIN")));
		long holderId = this.accounts.id(username);
		ApiClient holder = signedInAs(username, "13800006666");
		String hashBefore = hash(holderId);
		int sent = this.sms.sent().size();

		Response requested = this.sysAdmin.post(USERS + "/" + holderId + "/password-reset", null);

		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		assertThat(requested.json().path("status").asString()).isEqualTo("PENDING");
		assertThat(requested.json().has("temporaryPassword")).isFalse();
		assertThat(hash(holderId)).isEqualTo(hashBefore);
		assertThat(this.sms.sent()).hasSize(sent);
		long request = requested.json().path("id").asLong();
		assertThat(this.sysAdmin.post(USERS + "/" + holderId + "/password-reset", null).status()).isEqualTo(409);

		// neither the one who asked nor the holder may approve
		assertForbidden(this.sysAdmin.post(RESETS + "/" + request + "/approve", null), "self-approval");
		assertForbidden(holder.post(RESETS + "/" + request + "/approve", null), "holder approval");
		assertThat(hash(holderId)).isEqualTo(hashBefore);
		// an approver whose scope does not cover the holder does not see the request
		ApiClient townSec = this.accounts.signedIn(this.port, "SEC_ADMIN", "320505006");
		assertThat(townSec.post(RESETS + "/" + request + "/approve", null).status()).isEqualTo(404);
		assertThat(townSec.get(RESETS).body()).doesNotContain(username);
		assertThat(this.secAdmin.get(RESETS).body()).contains(username);

		Response approved = this.secAdmin.post(RESETS + "/" + request + "/approve", null);

		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
		assertThat(this.sms.sent()).hasSize(sent + 1);
		SmsMessage message = this.sms.sent().get(sent);
		assertThat(message.recipientUserId()).isEqualTo(holderId);
		assertThat(message.phone()).isEqualTo("13800006666");
		String temporary = message.text().replaceAll(".*临时密码：(\\S+?)，.*", "$1");
		assertThat(approved.body()).doesNotContain(temporary);
		assertThat(requested.body()).doesNotContain(temporary);
		assertThat(holder.get("/api/v1/auth/me").status()).as("old session ended").isEqualTo(401);
		ApiClient again = new ApiClient(this.port);
		assertThat(again.login(username, temporary).json().path("mustChangePassword").asBoolean()).isTrue();
		assertThat(this.secAdmin.post(RESETS + "/" + request + "/approve", null).status()).as("approved once")
			.isEqualTo(409);
	}

	@Test
	void ordinaryAccountsStillGetTheirTemporaryPasswordFromTheAdmin() {
		long worker = id(this.accounts.signedIn(this.port, "GRID_WORKER", "320505006"));
		Response reset = this.sysAdmin.post(USERS + "/" + worker + "/password-reset", null);
		assertThat(reset.status()).isEqualTo(200);
		assertThat(reset.json().path("temporaryPassword").asString()).isNotBlank();
	}

	private ApiClient signedInAs(String username, String phone) {
		// the fixture's password, set directly: the holder's own first sign-in is not
		// this
		// test's subject
		this.jdbc.update(
				"update app_user set password_hash = (select password_hash from app_user where id = ?), "
						+ "must_change_password = false, password_changed_at = now() where username = ?",
				id(this.secAdmin), username);
		ApiClient client = new ApiClient(this.port);
		assertThat(client.login(username, Accounts.PASSWORD).status()).isEqualTo(200);
		return client;
	}

	private static void assertForbidden(Response response, String what) {
		assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(403);
		assertThat(response.contentType()).as(what).startsWith("application/problem+json");
		assertThat(response.problemType()).as(what).isEqualTo(FORBIDDEN);
	}

	private Map<String, Object> form(String username, String phone, List<String> roles) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("displayName", "三员测试");
		form.put("phone", phone);
		form.put("scopeRegionId", this.city);
		form.put("roles", roles);
		return form;
	}

	private static long id(ApiClient client) {
		return client.get("/api/v1/auth/me").json().path("id").asLong();
	}

	private String username(long id) {
		return this.jdbc.queryForObject("select username from app_user where id = ?", String.class, id);
	}

	private String hash(long id) {
		return this.jdbc.queryForObject("select password_hash from app_user where id = ?", String.class, id);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private static String unique(String prefix) {
		return prefix + System.nanoTime() % 1_000_000 + "_" + SEQUENCE.incrementAndGet();
	}

}
