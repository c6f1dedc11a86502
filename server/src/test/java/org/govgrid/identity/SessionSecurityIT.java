package org.govgrid.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser session as an attacker would probe it: cookie flags, CSRF, logout and
 * session fixation, security headers and what error bodies give away. Cookies and headers
 * are read from raw {@link HttpClient} exchanges; {@link ApiClient} is used where a
 * well-behaved browser is meant.
 */
class SessionSecurityIT extends ApiIntegrationTest {

	private static final String SESSION = "GOVGRID_SESSION";

	private static final String XSRF = "XSRF-TOKEN";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void sessionCookieIsHttpOnlyAndTheCsrfCookieIsReadableByScript() {
		String username = this.accounts.create("ss_cookie_" + SEQUENCE.incrementAndGet(), "GRID_WORKER", "320505006");

		HttpResponse<String> config = send(request("/api/v1/config/public").GET());
		String xsrfCookie = setCookie(config, XSRF);
		assertThat(xsrfCookie).as("XSRF-TOKEN Set-Cookie").isNotNull();
		assertThat(attributes(xsrfCookie)).doesNotContain("httponly").contains("path=/");

		String token = cookieValue(xsrfCookie);
		HttpResponse<String> login = send(request("/api/v1/auth/login").header("Cookie", XSRF + "=" + token)
			.header("X-XSRF-TOKEN", token)
			.header("Content-Type", "application/json")
			.POST(json("{\"username\":\"" + username + "\",\"password\":\"" + Accounts.INITIAL + "\"}")));

		assertThat(login.statusCode()).isEqualTo(200);
		String sessionCookie = setCookie(login, SESSION);
		assertThat(sessionCookie).as("session Set-Cookie").isNotNull();
		assertThat(cookieValue(sessionCookie)).isNotBlank();
		assertThat(attributes(sessionCookie)).contains("httponly", "samesite=lax", "path=/");
		assertThat(login.body()).doesNotContain(cookieValue(sessionCookie));
	}

	@Test
	void idleTimeoutIsFifteenMinutesAndAnOldSessionEndsWhateverItsActivity() {
		ApiClient client = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		String username = client.get("/api/v1/auth/me").json().path("username").asString();
		assertThat(this.jdbc.queryForObject("select max_inactive_interval from spring_session where principal_name = ?",
				Integer.class, username))
			.isEqualTo(15 * 60);

		// thirteen hours after sign-in, past the absolute limit of twelve
		this.jdbc.update("update spring_session set creation_time = creation_time - ? where principal_name = ?",
				Duration.ofHours(13).toMillis(), username);
		Response expired = client.get("/api/v1/auth/me");
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.problemType()).isEqualTo("https://govgrid.org/problems/session-expired");
		assertThat(client.get("/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				username))
			.isZero();
	}

	@Test
	void everyRequestStillRecordsTheLastAccessThroughTheLazilyCommittedUpdate() {
		ApiClient client = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		String username = client.get("/api/v1/auth/me").json().path("username").asString();
		this.jdbc.update(
				"update spring_session set last_access_time = last_access_time - 60000 where principal_name = ?",
				username);
		long before = lastAccess(username);

		assertThat(client.get("/api/v1/auth/me").status()).isEqualTo(200);

		assertThat(lastAccess(username)).isGreaterThanOrEqualTo(before + 60000);
	}

	private long lastAccess(String username) {
		return this.jdbc.queryForObject("select last_access_time from spring_session where principal_name = ?",
				Long.class, username);
	}

	@Test
	void stateChangingCallWithoutTheCsrfHeaderIsForbidden() {
		ApiClient client = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		String username = client.get("/api/v1/auth/me").json().path("username").asString();
		String session = SESSION + "=" + client.sessionCookie();
		long deniedBefore = csrfDenials(username);

		HttpResponse<String> noHeader = send(request("/api/v1/auth/logout").header("Cookie", session).POST(json("")));
		HttpResponse<String> wrongToken = send(
				request("/api/v1/auth/logout").header("Cookie", session + "; " + XSRF + "=" + client.cookie(XSRF))
					.header("X-XSRF-TOKEN", "forged-token")
					.POST(json("")));

		for (HttpResponse<String> response : List.of(noHeader, wrongToken)) {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.body()).contains("https://govgrid.org/problems/forbidden");
		}
		assertThat(csrfDenials(username)).isEqualTo(deniedBefore + 2);
		// the session survived: the forged logout did nothing
		assertThat(client.get("/api/v1/auth/me").status()).isEqualTo(200);

		HttpResponse<String> anonymousLogin = send(
				request("/api/v1/auth/login").header("Content-Type", "application/json")
					.POST(json("{\"username\":\"" + username + "\",\"password\":\"" + Accounts.PASSWORD + "\"}")));
		assertThat(anonymousLogin.statusCode()).isEqualTo(403);
		assertThat(setCookie(anonymousLogin, SESSION)).isNull();
	}

	@Test
	void logoutEndsTheSessionOnTheServer() {
		ApiClient client = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		String username = client.get("/api/v1/auth/me").json().path("username").asString();
		String session = client.sessionCookie();
		assertThat(liveSessions(username)).isEqualTo(1);

		assertThat(client.post("/api/v1/auth/logout", null).status()).isEqualTo(204);

		assertThat(client.get("/api/v1/auth/me").status()).isEqualTo(401);
		// replaying the old cookie does not bring the session back
		assertThat(send(request("/api/v1/auth/me").header("Cookie", SESSION + "=" + session).GET()).statusCode())
			.isEqualTo(401);
		assertThat(liveSessions(username)).isZero();
		assertThat(auditRows("LOGOUT", username)).isEqualTo(1);
	}

	@Test
	void signingInIssuesANewSessionId() {
		ApiClient client = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		String username = client.get("/api/v1/auth/me").json().path("username").asString();
		String before = client.sessionCookie();

		assertThat(client.login(username, Accounts.PASSWORD).status()).isEqualTo(200);

		String after = client.sessionCookie();
		assertThat(after).isNotNull().isNotEqualTo(before);
		assertThat(send(request("/api/v1/auth/me").header("Cookie", SESSION + "=" + before).GET()).statusCode())
			.isEqualTo(401);
		assertThat(send(request("/api/v1/auth/me").header("Cookie", SESSION + "=" + after).GET()).statusCode())
			.isEqualTo(200);
		assertThat(liveSessions(username)).isEqualTo(1);

		// a session id planted by an attacker is never adopted
		String planted = "ZmFrZS1zZXNzaW9uLWlkLWZyb20tYW4tYXR0YWNrZXI";
		HttpResponse<String> config = send(request("/api/v1/config/public").GET());
		String token = cookieValue(setCookie(config, XSRF));
		HttpResponse<String> login = send(
				request("/api/v1/auth/login").header("Cookie", SESSION + "=" + planted + "; " + XSRF + "=" + token)
					.header("X-XSRF-TOKEN", token)
					.header("Content-Type", "application/json")
					.POST(json("{\"username\":\"" + username + "\",\"password\":\"" + Accounts.PASSWORD + "\"}")));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(cookieValue(setCookie(login, SESSION))).isNotEqualTo(planted);
	}

	@Test
	void responsesCarryTheSecurityHeaders() {
		HttpResponse<String> open = send(request("/api/v1/config/public").GET());
		HttpResponse<String> unauthenticated = send(request("/api/v1/regions/tree").GET());
		assertThat(unauthenticated.statusCode()).isEqualTo(401);

		for (HttpResponse<String> response : List.of(open, unauthenticated)) {
			String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'",
					"frame-ancestors 'none'");
			assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
			assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
			assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		}
	}

	@Test
	void errorBodiesGiveNoInternalsAway() {
		ApiClient client = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006");
		ApiClient auditor = this.accounts.signedIn(this.port, "AUDITOR", "320500");

		Response malformed = client.postRaw("/api/v1/auth/password", "{\"oldPassword\": [");
		assertThat(malformed.status()).isEqualTo(400);
		assertNoInternals(malformed.body());
		Response wrongType = client.get("/api/v1/regions/not-a-number");
		assertThat(wrongType.status()).isEqualTo(400);
		assertThat(wrongType.errorFields()).containsExactly("id");
		assertNoInternals(wrongType.body());
		Response badDate = auditor.get("/api/v1/audit/logs?from=yesterday");
		assertThat(badDate.status()).isEqualTo(400);
		assertNoInternals(badDate.body());

		// rejected before Spring MVC: by Tomcat (encoded slash) and by the firewall
		HttpResponse<String> encodedSlash = send(request("/api/v1/regions/1%2F..%2F2").GET());
		assertThat(encodedSlash.statusCode()).isEqualTo(400);
		assertNoInternals(encodedSlash.body());
		HttpResponse<String> firewall = send(request("/api/v1/regions/1;jsessionid=x/tree").GET());
		assertThat(firewall.statusCode()).isBetween(400, 401);
		assertNoInternals(firewall.body());

		// a password the policy once let through but bcrypt refused: was a 500
		Response tooLong = client.changePassword(Accounts.PASSWORD, "Aa1!" + "密".repeat(30));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.errorFields()).containsExactly("newPassword");
		assertNoInternals(tooLong.body());

		// the page Spring Boot renders for failures outside Spring MVC (filters, Tomcat)
		// answers 500 when called directly; asked for trace and message, it must refuse
		HttpResponse<String> internal = send(request("/error?trace=true&message=true").GET());
		assertThat(internal.statusCode()).isEqualTo(500);
		assertThat(internal.body()).contains("\"error\"").doesNotContain("\"message\"", "\"exception\"");
		assertNoInternals(internal.body());
	}

	private static void assertNoInternals(String body) {
		assertThat(body).doesNotContainIgnoringCase("exception")
			.doesNotContain("\tat ", "at org.", "at java.", "springframework", "Apache Tomcat", "trace");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

	private static HttpRequest.BodyPublisher json(String body) {
		return HttpRequest.BodyPublishers.ofString(body);
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

	/** The whole Set-Cookie header for {@code name}, or null. */
	private static String setCookie(HttpResponse<?> response, String name) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.reduce((first, last) -> last)
			.orElse(null);
	}

	private static String cookieValue(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		return pair.substring(pair.indexOf('=') + 1);
	}

	/** The attributes after the name=value pair, lower case, without spaces. */
	private static List<String> attributes(String setCookie) {
		String[] parts = setCookie.split(";");
		return java.util.Arrays.stream(parts, 1, parts.length).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
	}

	private long liveSessions(String username) {
		return this.jdbc.queryForObject("select count(*) from spring_session where principal_name = ?", Long.class,
				username);
	}

	private long csrfDenials(String username) {
		return this.jdbc.queryForObject("""
				select count(*) from audit_log
				where action = 'ACCESS_DENIED' and username = ? and detail like '%CSRF%'""", Long.class, username);
	}

	private long auditRows(String action, String username) {
		return this.jdbc.queryForObject("select count(*) from audit_log where action = ? and username = ?", Long.class,
				action, username);
	}

}
