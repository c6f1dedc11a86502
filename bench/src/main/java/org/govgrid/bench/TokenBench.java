package org.govgrid.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The open platform's bearer path (issue 16): token issue by client_credentials
 * ({@code POST /oauth2/token}, one bcrypt check of the client secret each), and the same
 * read ({@code GET /api/v1/events?size=20}) made with a bearer token against one made with
 * a session cookie by a person of the same area, on as many clients each.
 */
final class TokenBench {

	static final String READ = "/api/v1/events?page=1&size=20";

	private final String basic;

	private TokenBench(String clientId, String secret) {
		this.basic = "Basic " + Base64.getEncoder()
			.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/** Registers an API client of {@code regionId} with {@code events:read} through the admin API. */
	static TokenBench register(Api admin, long run, long regionId) throws Exception {
		String created = Api.text(Api.expect(admin.post("/api/v1/open/clients",
				"{\"name\":\"基准接入 " + run + "\",\"unit\":\"基准测试\",\"scopes\":[\"events:read\"],\"regionId\":"
						+ regionId + ",\"rateLimitPerMinute\":100000,\"allowedIps\":[]}"),
				201, "POST /api/v1/open/clients"));
		return new TokenBench(Api.field(created, "clientId"), Api.field(created, "clientSecret"));
	}

	/** A fresh access token. */
	String token(Api api) throws Exception {
		String answer = Api.text(Api.expect(api.form("/oauth2/token",
				"grant_type=client_credentials&scope=events:read", "Authorization", this.basic), 200,
				"POST /oauth2/token"));
		String token = Api.field(answer, "access_token");
		if (token == null) {
			throw new IllegalStateException("no access_token in " + answer);
		}
		return token;
	}

	static void bearerRead(Api api, String token) throws Exception {
		Api.expect(api.get(READ, "Authorization", "Bearer " + token), 200, "GET " + READ + " (bearer)");
	}

	static void sessionRead(Api api) throws Exception {
		Api.expect(api.get(READ), 200, "GET " + READ + " (session)");
	}

	static List<Api> plain(String url, int n) {
		List<Api> apis = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			apis.add(new Api(url));
		}
		return apis;
	}

	static String markdown(int clients, Measure.Load tokens, Measure.Load bearer, Measure.Load session) {
		StringBuilder out = new StringBuilder();
		out.append("\n## Open platform: token issue and bearer calls vs session calls\n\n");
		out.append(String.format(Locale.ROOT, "- %d clients per side; `POST /oauth2/token` (client_credentials, HTTP "
				+ "Basic, one bcrypt check of the secret); `GET %s` with `Authorization: Bearer` (JWT checked against "
				+ "the key set, the client row read, rate limit, an `API_CALL` audit row) against the same call with "
				+ "a CENTER_STAFF session cookie of the same town%n%n", clients, READ));
		out.append("| call | done | req/s | p50 / p95 / p99 ms | errors |\n|---|---|---|---|---|\n");
		row(out, "token issue", tokens);
		row(out, "GET events, bearer", bearer);
		row(out, "GET events, session", session);
		out.append(String.format(Locale.ROOT, "%n**Ratio bearer / session (req/s): %.2f**%n",
				bearer.throughput().perSecond() / session.throughput().perSecond()));
		return out.toString();
	}

	private static void row(StringBuilder out, String name, Measure.Load load) {
		out.append(String.format(Locale.ROOT, "| %s | %d | %,.1f | %s | %d |%n", name, load.throughput().completed(),
				load.throughput().perSecond(), load.latency().cell(), load.throughput().errors()));
	}

}
