package org.govgrid.ops.logs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.govgrid.audit.AuditReadings;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily log digest (issue 15 item 3, 标准 8a): it counts the failed sign-ins and the
 * lockout made here by account and by address, the burst of refusals, the export and an
 * ERROR line of the JSON log (with its request id); no phone reaches it; the security
 * admin's review is audited, the auditor reads and gets 403 on review.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogDigestIT extends ApiIntegrationTest {

	private static final String CITY = "320500";

	/**
	 * Typed as a user name by someone: a phone number, which must never reach a digest.
	 */
	private static final String PHONE_AS_NAME = "13912345678";

	private final String tag = "ld" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	private final String requestId = "ld-" + UUID.randomUUID();

	private ApiClient secAdmin;

	private String secAdminName;

	private ApiClient auditor;

	private String auditorName;

	private ApiClient sysAdmin;

	private String sysAdminName;

	private String target;

	private LocalDate today;

	@Autowired
	private AuditReadings readings;

	@BeforeAll
	void makeTheDay() throws InterruptedException {
		this.secAdmin = this.accounts.signedIn(this.port, "SEC_ADMIN", CITY);
		this.secAdminName = name(this.secAdmin);
		this.auditor = this.accounts.signedIn(this.port, "AUDITOR", CITY);
		this.auditorName = name(this.auditor);
		this.sysAdmin = this.accounts.signedIn(this.port, "SYS_ADMIN", CITY);
		this.sysAdminName = name(this.sysAdmin);
		this.target = this.accounts.create(this.tag + "_worker", "GRID_WORKER", CITY);
		ApiClient stranger = new ApiClient(this.port);
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(stranger.login(this.target, "Wrong#Pass" + attempt).status()).isEqualTo(401);
		}
		assertThat(stranger.login(PHONE_AS_NAME, "Wrong#Pass").status()).isEqualTo(401);
		// five refusals within seconds: a burst
		for (int attempt = 0; attempt < 5; attempt++) {
			assertThat(this.auditor.post("/api/v1/ops/log-digests/2026-01-01/review", Map.of("comment", "x")).status())
				.isEqualTo(403);
		}
		this.sysAdmin.download("/api/v1/exports/users.xlsx?q=" + this.target);
		eventually(() -> this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'USER_EXPORT' and username = ?", Integer.class,
				this.sysAdminName), (count) -> count > 0);
		MDC.put("requestId", this.requestId);
		try {
			LoggerFactory.getLogger(LogDigestIT.class)
				.error("digest test failure for " + PHONE_AS_NAME, new LogDigestTestException());
		}
		finally {
			MDC.remove("requestId");
		}
		this.today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		// the manual run of the job builds today's digest
		Response run = this.sysAdmin.post("/api/v1/ops/jobs/ops-log-digest/run", Map.of());
		assertThat(run.status()).as(run.body()).isEqualTo(200);
		assertThat(run.json().path("outcome").asString()).as(run.body()).isEqualTo("SUCCESS");
	}

	@Test
	void theDigestCountsTheFailedSignInsAndTheLockoutByAccountAndAddress() {
		Response response = this.auditor.get("/api/v1/ops/log-digests/" + this.today);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode digest = response.json().path("digest");
		JsonNode account = find(digest.path("failedSignInsByAccount"), "username", this.target);
		assertThat(account.path("failures").asInt()).as(account.toString()).isEqualTo(5);
		assertThat(account.path("lockouts").asInt()).isEqualTo(1);
		JsonNode address = find(digest.path("failedSignInsByAddress"), "clientIp", "127.0.0.1");
		assertThat(address.path("failures").asInt()).isGreaterThanOrEqualTo(6);
		assertThat(digest.path("totals").path("failedSignIns").asInt()).isGreaterThanOrEqualTo(6);
		assertThat(digest.path("totals").path("lockouts").asInt()).isGreaterThanOrEqualTo(1);
		// the name typed was a phone: masked, never shown
		assertThat(response.body()).doesNotContain(PHONE_AS_NAME);
		assertThat(find(digest.path("failedSignInsByAccount"), "username", "***").path("failures").asInt())
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void theDigestShowsTheBurstOfRefusalsTheExportAndTheLoggedError() {
		JsonNode digest = this.secAdmin.get("/api/v1/ops/log-digests/" + this.today).json().path("digest");
		JsonNode burst = find(digest.path("denialBursts"), "username", this.auditorName);
		assertThat(burst.path("peak").asInt()).as(burst.toString()).isGreaterThanOrEqualTo(5);
		boolean exported = false;
		for (JsonNode export : digest.path("exports")) {
			exported |= export.path("username").asString().equals(this.sysAdminName)
					&& export.path("action").asString().equals("USER_EXPORT") && export.path("rows").asInt() == 1;
		}
		assertThat(exported).as(digest.path("exports").toString()).isTrue();
		JsonNode error = find(digest.path("errors"), "exception", LogDigestTestException.class.getName());
		assertThat(error.path("logger").asString()).isEqualTo(LogDigestIT.class.getName());
		assertThat(error.path("count").asInt()).isEqualTo(1);
		assertThat(error.path("lastRequestId").asString()).isEqualTo(this.requestId);
		assertThat(error.path("lastMessage").asString()).contains("digest test failure").doesNotContain(PHONE_AS_NAME);
		assertThat(digest.path("totals").path("logRead").asBoolean()).isTrue();
	}

	@Test
	void everyResponseCarriesARequestIdAndAWellFormedOneIsKept() {
		Response response = this.auditor.get("/api/v1/ops/log-digests");
		assertThat(response.header("X-Request-Id")).isNotBlank();
		Response kept = this.auditor.post("/api/v1/ops/log-digests/" + this.today + "/review", Map.of("comment", "x"),
				Map.of("X-Request-Id", "proxy-1234567890"));
		assertThat(kept.header("X-Request-Id")).isEqualTo("proxy-1234567890");
		Response replaced = this.auditor.post("/api/v1/ops/log-digests/" + this.today + "/review",
				Map.of("comment", "x"), Map.of("X-Request-Id", "not {an} id"));
		assertThat(replaced.header("X-Request-Id")).isNotEqualTo("not {an} id").hasSize(36);
	}

	@Test
	void unusualHoursListTheAccountsActiveThen() {
		Instant from = this.today.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
		// a window of all 24 hours holds every account active today
		List<AuditReadings.OddHours> all = this.readings.oddHours(from, from.plusSeconds(86_400), "Asia/Shanghai", 0,
				24);
		assertThat(all).extracting(AuditReadings.OddHours::username).contains(this.secAdminName, this.sysAdminName);
		// an empty window holds nobody
		assertThat(this.readings.oddHours(from, from.plusSeconds(86_400), "Asia/Shanghai", 3, 3)).isEmpty();
	}

	@Test
	void theSecurityAdminReviewsWithACommentAndTheReviewIsAudited() {
		Response empty = this.secAdmin.post("/api/v1/ops/log-digests/" + this.today + "/review",
				Map.of("comment", " "));
		assertThat(empty.status()).as(empty.body()).isEqualTo(400);
		assertThat(empty.errorFields()).containsExactly("comment");
		Response badDate = this.secAdmin.post("/api/v1/ops/log-digests/yesterday/review", Map.of());
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.errorFields()).containsExactlyInAnyOrder("date", "comment");
		assertThat(this.secAdmin.post("/api/v1/ops/log-digests/1999-01-01/review", Map.of("comment", "ok")).status())
			.isEqualTo(404);
		assertThat(this.auditor.get("/api/v1/ops/log-digests/1999-01-01").status()).isEqualTo(404);

		String comment = "已审查 " + this.tag + "：失败登录为测试所致";
		Response reviewed = this.secAdmin.post("/api/v1/ops/log-digests/" + this.today + "/review",
				Map.of("comment", comment));
		assertThat(reviewed.status()).as(reviewed.body()).isEqualTo(200);
		assertThat(reviewed.json().path("reviewed").asBoolean()).isTrue();
		assertThat(reviewed.json().path("review").path("by").asString()).isEqualTo(this.secAdminName);
		assertThat(reviewed.json().path("review").path("comment").asString()).isEqualTo(comment);
		Integer audited = this.jdbc.queryForObject("""
				select count(*) from audit_log where action = 'OPS_LOG_DIGEST_REVIEW' and username = ?
				  and object_id = ? and outcome = 'SUCCESS' and detail like ?""", Integer.class, this.secAdminName,
				this.today.toString(), "%" + this.tag + "%");
		assertThat(audited).isEqualTo(1);

		// the auditor reads the review, and cannot review
		JsonNode list = this.auditor.get("/api/v1/ops/log-digests").json();
		JsonNode line = find(list, "date", this.today.toString());
		assertThat(line.path("reviewed").asBoolean()).isTrue();
		assertThat(line.path("reviewedBy").asString()).isEqualTo(this.secAdminName);
		for (int i = 1; i < list.size(); i++) {
			assertThat(list.get(i - 1).path("date").asString()).isGreaterThan(list.get(i).path("date").asString());
		}
		assertThat(
				this.auditor.post("/api/v1/ops/log-digests/" + this.today + "/review", Map.of("comment", "x")).status())
			.isEqualTo(403);
		assertThat(this.auditor.get("/api/v1/ops/log-digests/" + this.today)
			.json()
			.path("review")
			.path("comment")
			.asString()).isEqualTo(comment);
	}

	private static JsonNode find(JsonNode list, String field, String value) {
		for (JsonNode item : list) {
			if (value.equals(item.path(field).asString())) {
				return item;
			}
		}
		throw new AssertionError("no " + field + "=" + value + " in " + list);
	}

	private static String name(ApiClient client) {
		return client.get("/api/v1/auth/me").json().path("username").asString();
	}

	/** A class of its own, so that its kind of error is this test's alone. */
	static final class LogDigestTestException extends IllegalStateException {

		LogDigestTestException() {
			super("made by LogDigestIT");
		}

	}

}
