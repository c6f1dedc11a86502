package org.govgrid.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser-like client of the API: its own cookie jar (GOVGRID_SESSION, XSRF-TOKEN),
 * the XSRF-TOKEN cookie echoed as X-XSRF-TOKEN on every POST. Loopback only.
 */
final class Api {

	static final String DEMO_PASSWORD = "GovGrid@2026";

	private final URI base;

	private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

	private final HttpClient http;

	Api(String url) {
		this.base = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
		String host = this.base.getHost();
		if (!host.equals("localhost") && !host.equals("127.0.0.1") && !host.equals("::1")
				&& !host.equals("[::1]")) {
			throw new IllegalArgumentException("benchmarks only talk to loopback, not " + host);
		}
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json")
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

	/** GET with extra headers (e.g. a bearer token), given as name, value, ... */
	HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json")
			.GET();
		for (int h = 0; h + 1 < headers.length; h += 2) {
			request.header(headers[h], headers[h + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A form-encoded POST without cookies' XSRF echo (the OAuth token endpoint). */
	HttpResponse<byte[]> form(String path, String body, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int h = 0; h + 1 < headers.length; h += 2) {
			request.header(headers[h], headers[h + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** POST with extra headers, given as name, value, name, value, ... */
	HttpResponse<byte[]> post(String path, String json, String... headers) throws IOException, InterruptedException {
		return send("POST", path, json, headers);
	}

	HttpResponse<byte[]> put(String path, String json) throws IOException, InterruptedException {
		return send("PUT", path, json);
	}

	private HttpResponse<byte[]> send(String method, String path, String json, String... headers)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(120))
			.header("Accept", "application/json")
			.header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", xsrf())
			.method(method, HttpRequest.BodyPublishers.ofString(json, java.nio.charset.StandardCharsets.UTF_8));
		for (int h = 0; h + 1 < headers.length; h += 2) {
			request.header(headers[h], headers[h + 1]);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/** GET /api/v1/config/public: anonymous, sets the XSRF-TOKEN cookie. */
	void prime() throws IOException, InterruptedException {
		expect(get("/api/v1/config/public"), 200, "GET /api/v1/config/public");
		if (xsrf().isEmpty()) {
			throw new IllegalStateException("no XSRF-TOKEN cookie after GET /api/v1/config/public");
		}
	}

	HttpResponse<byte[]> login(String username, String password) throws IOException, InterruptedException {
		return post("/api/v1/auth/login",
				"{\"username\":\"" + json(username) + "\",\"password\":\"" + json(password) + "\"}");
	}

	/**
	 * Signs in with {@code password}, or else with {@code initial} and then changes it to
	 * {@code password} (the forced change at first sign-in).
	 */
	void signIn(String username, String initial, String password) throws IOException, InterruptedException {
		prime();
		HttpResponse<byte[]> response = login(username, initial);
		if (response.statusCode() == 200) {
			if (text(response).contains("\"mustChangePassword\":true")) {
				expect(post("/api/v1/auth/password",
						"{\"oldPassword\":\"" + json(initial) + "\",\"newPassword\":\"" + json(password) + "\"}"), 204,
						"POST /api/v1/auth/password for " + username);
			}
			return;
		}
		expect(login(username, password), 200, "POST /api/v1/auth/login as " + username);
	}

	String xsrf() {
		for (HttpCookie cookie : this.cookies.getCookieStore().getCookies()) {
			if (cookie.getName().equals("XSRF-TOKEN")) {
				return cookie.getValue();
			}
		}
		return "";
	}

	static String text(HttpResponse<byte[]> response) {
		return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
	}

	static HttpResponse<byte[]> expect(HttpResponse<byte[]> response, int status, String what) {
		if (response.statusCode() != status) {
			String body = text(response);
			throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " (expected " + status + "): "
					+ body.substring(0, Math.min(400, body.length())));
		}
		return response;
	}

	/** A string field of a JSON object, by regular expression (enough for these answers). */
	static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)")
			.matcher(json);
		if (!matcher.find()) {
			return null;
		}
		return matcher.group(2) != null ? matcher.group(2) : matcher.group(1);
	}

	static String json(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
