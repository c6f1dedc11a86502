package org.govgrid.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 item 5, the request and session findings: a client address taken from any
 * {@code X-Forwarded-For}, sessions outliving a password or department change, unlimited
 * guesses at the current password, the API description open to anyone and a CSRF token
 * kept across sign-in.
 */
class RequestHardeningIT extends ApiIntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	IdentityProvisioning provisioning;

	private static final String TOWN = "320505006";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Autowired
	private LoginThrottle throttle;

	@Test
	void aForwardedForHeaderFromAnUntrustedClientChangesNotTheAddressTheLimitIsKeyedOn() {
		String prefix = "hw_spoof_" + SEQUENCE.incrementAndGet() + "_";
		ApiClient client = new ApiClient(this.port);
		client.get("/api/v1/config/public");
		int trackedBefore = this.throttle.tracked();

		for (int i = 1; i <= 45; i++) {
			Response failed = client.post("/api/v1/auth/login",
					Map.of("username", prefix + i, "password", "wrong-" + i),
					Map.of("X-Forwarded-For", "203.0.113." + i));
			assertThat(failed.status()).isEqualTo(401);
		}

		List<String> addresses = this.jdbc.queryForList(
				"select distinct client_ip from audit_log where action = 'LOGIN' and username like ?", String.class,
				prefix + "%");
		assertThat(addresses).as("every attempt is recorded from the connection's address")
			.hasSize(1)
			.allMatch(a -> a.equals("127.0.0.1") || a.equals("0:0:0:0:0:0:0:1"));
		assertThat(this.throttle.tracked() - trackedBefore).as("one bucket at most, not one per claimed address")
			.isLessThanOrEqualTo(1);
	}

	@Test
	void changingOnesOwnPasswordEndsTheOtherSessionsAndKeepsThisOne() {
		String username = this.accounts.create("hw_pw_" + SEQUENCE.incrementAndGet(), "GRID_WORKER", TOWN);
		ApiClient phone = new ApiClient(this.port);
		phone.login(username, Accounts.INITIAL);
		assertThat(phone.changePassword(Accounts.INITIAL, Accounts.PASSWORD).status()).isEqualTo(204);
		ApiClient console = new ApiClient(this.port);
		assertThat(console.login(username, Accounts.PASSWORD).status()).isEqualTo(200);
		assertThat(phone.get("/api/v1/auth/me").status()).isEqualTo(200);
		assertThat(liveSessions(username)).isEqualTo(2);

		assertThat(console.changePassword(Accounts.PASSWORD, "Other#Pass2027").status()).isEqualTo(204);

		assertThat(phone.get("/api/v1/auth/me").status()).as("the other session ended").isEqualTo(401);
		assertThat(console.get("/api/v1/auth/me").status()).as("the changing session goes on").isEqualTo(200);
		assertThat(liveSessions(username)).isEqualTo(1);
	}

	@Test
	void movingAUserToAnotherDepartmentEndsTheirSessions() {
		ApiClient admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		ApiClient handler = this.accounts.signedIn(this.port, "DEPT_HANDLER", TOWN);
		String username = handler.get("/api/v1/auth/me").json().path("username").asString();
		long id = this.accounts.id(username);
		// a department of its own: a handler left in a shared one would receive its
		// notices in other tests
		long department = this.provisioning.department(TOWN + "-RH" + System.nanoTime() % 1_000_000, "会话测试科室",
				this.accounts.region(TOWN).id());
		assertThat(handler.get("/api/v1/auth/me").status()).isEqualTo(200);

		Map<String, Object> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("displayName", username);
		form.put("departmentId", department);
		form.put("scopeRegionId", this.accounts.region(TOWN).id());
		form.put("roles", List.of("DEPT_HANDLER"));
		Response moved = admin.put("/api/v1/users/" + id, form);
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);

		assertThat(handler.get("/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(liveSessions(username)).isZero();
	}

	@Test
	void wrongCurrentPasswordsLockTheAccountLikeWrongSignIns() {
		ApiClient client = this.accounts.signedIn(this.port, "GRID_WORKER", TOWN);
		String username = client.get("/api/v1/auth/me").json().path("username").asString();

		for (int i = 1; i <= 5; i++) {
			Response wrong = client.changePassword("Guess#" + i + "abc", "Fresh#Pass2027");
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.errorFields()).containsExactly("oldPassword");
		}
		// locked now: even the right current password is not tried
		Response locked = client.changePassword(Accounts.PASSWORD, "Fresh#Pass2027");
		assertThat(locked.status()).isEqualTo(429);
		assertThat(locked.header("Retry-After")).isNotBlank();
		assertThat(locked.problemType()).isEqualTo("https://govgrid.org/problems/too-many-requests");
		assertThat(new ApiClient(this.port).login(username, Accounts.PASSWORD).status()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select count(*) from audit_log where action = 'LOCKOUT' and object_id = ?",
				Long.class, Long.toString(this.accounts.id(username))))
			.isEqualTo(1);
	}

	@Test
	void theApiDescriptionIsForTheSystemAdministratorOnly() {
		for (String path : List.of("/v3/api-docs", "/v3/api-docs.yaml")) {
			assertThat(send(request(path).GET()).statusCode()).as("anonymous " + path).isEqualTo(401);
			assertThat(this.accounts.signedIn(this.port, "GRID_WORKER", TOWN).get(path).status()).as("worker " + path)
				.isEqualTo(403);
		}
		Response yaml = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500").get("/v3/api-docs.yaml");
		assertThat(yaml.status()).isEqualTo(200);
		assertThat(yaml.body()).contains("openapi");
	}

	@Test
	void signingInIssuesAFreshCsrfToken() {
		String username = this.accounts.create("hw_csrf_" + SEQUENCE.incrementAndGet(), "GRID_WORKER", TOWN);
		HttpResponse<String> config = send(request("/api/v1/config/public").GET());
		String before = cookieValue(config, "XSRF-TOKEN");
		assertThat(before).isNotBlank();

		HttpResponse<String> login = send(request("/api/v1/auth/login").header("Cookie", "XSRF-TOKEN=" + before)
			.header("X-XSRF-TOKEN", before)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"" + username + "\",\"password\":\"" + Accounts.INITIAL + "\"}")));
		assertThat(login.statusCode()).isEqualTo(200);
		String after = cookieValue(login, "XSRF-TOKEN");
		assertThat(after).as("a new XSRF-TOKEN cookie with the sign-in").isNotBlank().isNotEqualTo(before);

		// the new token works for the signed-in session
		String session = cookieValue(login, "GOVGRID_SESSION");
		HttpResponse<String> change = send(request("/api/v1/auth/password")
			.header("Cookie", "GOVGRID_SESSION=" + session + "; XSRF-TOKEN=" + after)
			.header("X-XSRF-TOKEN", after)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"oldPassword\":\"" + Accounts.INITIAL + "\",\"newPassword\":\"" + Accounts.PASSWORD + "\"}")));
		assertThat(change.statusCode()).isEqualTo(204);
	}

	private long liveSessions(String username) {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				username);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The value of the last Set-Cookie for {@code name}, or null. */
	private static String cookieValue(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.reduce((first, last) -> last)
			.map(c -> c.split(";", 2)[0].substring(name.length() + 1))
			.orElse(null);
	}

}
