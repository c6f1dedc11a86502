package org.govgrid.openplatform;

import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: a client of 枫桥街道 (320505007) takes a token by client_credentials and calls
 * the API within its region and scopes; 狮山街道 (320505006) stays invisible; rate limit,
 * allowed addresses, disabling and secret rotation hold; the JWKS verifies the token and
 * the signing key survives a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenPlatformIT extends ApiIntegrationTest {

	private static final String FENGQIAO = "320505007";

	private static final String SHISHAN = "320505006";

	@Autowired
	SigningKeys keys;

	@Autowired
	JdbcClient jdbcClient;

	@Autowired
	IdentifierProtection sealing;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditTrail audit;

	@Autowired
	Clock clock;

	private ApiClient admin;

	private MachineCalls machine;

	private long shishanEvent;

	private long fengqiaoEvent;

	@BeforeAll
	void adminAndOneEventInEachTown() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		this.machine = new MachineCalls(this.port);
		this.shishanEvent = report(SHISHAN, "开放平台测试：狮山街道的事件");
		this.fengqiaoEvent = report(FENGQIAO, "开放平台测试：枫桥街道的事件");
	}

	@Test
	void aFengqiaoClientListsOnlyFengqiaoEventsAndCannotSeeShishanOnes() {
		Client client = client("枫桥街道事件读取", List.of("events:read"), FENGQIAO, 1000, List.of());
		String token = this.machine.accessToken(client.clientId(), client.secret(), "events:read");

		Response list = this.machine.get("/api/v1/events?size=200", token);
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		String path = this.accounts.region(FENGQIAO).path();
		long inFengqiao = this.jdbc.queryForObject(
				"select count(*) from event where region_path = ? or region_path like ?", Long.class, path,
				path + "/%");
		assertThat(list.json().path("total").asLong()).isEqualTo(inFengqiao);
		List<Long> ids = new ArrayList<>();
		list.json().path("items").forEach(item -> ids.add(item.path("id").asLong()));
		assertThat(ids).contains(this.fengqiaoEvent).doesNotContain(this.shishanEvent);
		for (long id : ids) {
			assertThat(this.jdbc.queryForObject("select region_path from event where id = ?", String.class, id))
				.startsWith(path + "/");
		}

		assertThat(this.machine.get("/api/v1/events/" + this.fengqiaoEvent, token).status()).isEqualTo(200);
		Response hidden = this.machine.get("/api/v1/events/" + this.shishanEvent, token);
		assertThat(hidden.status()).as(hidden.body()).isEqualTo(404);
		assertThat(hidden.problemType()).isEqualTo("https://govgrid.org/problems/not-found");

		// every call is audited as the client
		assertThat(this.jdbc.queryForObject("""
				select count(*) from audit_log where action = 'API_CALL' and username = ?
				and object_id = ?""", Integer.class, "api-" + client.clientId(), "GET /api/v1/events")).isEqualTo(1);
	}

	@Test
	void aWriteWithoutEventsWriteIsForbiddenAndWithItReportsAsTheClient() {
		Client reader = client("只读应用", List.of("events:read"), FENGQIAO, 1000, List.of());
		String readToken = this.machine.accessToken(reader.clientId(), reader.secret(), "events:read");
		String report = json(eventReport("QT-01", FENGQIAO + "001001", "GRID_WORKER", "开放平台测试：接口上报", "枫桥测试地址"));
		Response denied = this.machine.postJson("/api/v1/events", readToken, report);
		assertThat(denied.status()).as(denied.body()).isEqualTo(403);
		assertThat(denied.problemType()).isEqualTo("https://govgrid.org/problems/forbidden");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'ACCESS_DENIED' and username = ?", Integer.class,
				"api-" + reader.clientId()))
			.isEqualTo(1);

		Client writer = client("上报应用", List.of("events:read", "events:write"), FENGQIAO, 1000, List.of());
		String writeToken = this.machine.accessToken(writer.clientId(), writer.secret(), "events:read events:write");
		Response created = this.machine.postJson("/api/v1/events", writeToken, report);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("reporterName").asString()).contains("上报应用");
		// a token asked only for events:read cannot write, although the client could
		String narrow = this.machine.accessToken(writer.clientId(), writer.secret(), "events:read");
		assertThat(this.machine.postJson("/api/v1/events", narrow, report).status()).isEqualTo(403);
		// the client's own region bounds its writes
		String outside = json(eventReport("QT-01", SHISHAN + "001001", "GRID_WORKER", "开放平台测试：越界上报", "狮山测试地址"));
		assertThat(this.machine.postJson("/api/v1/events", writeToken, outside).status()).isIn(400, 404);
	}

	@Test
	void pastItsRateLimitAClientGets429WithRetryAfter() {
		Client client = client("限流应用", List.of("events:read"), FENGQIAO, 3, List.of());
		String token = this.machine.accessToken(client.clientId(), client.secret(), "events:read");
		for (int i = 0; i < 3; i++) {
			assertThat(this.machine.get("/api/v1/events?size=1", token).status()).isEqualTo(200);
		}
		Response limited = this.machine.get("/api/v1/events?size=1", token);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(limited.problemType()).isEqualTo("https://govgrid.org/problems/rate-limited");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
	}

	@Test
	void callsFromOutsideTheAllowedRangesAreForbidden() {
		Client fenced = client("限定地址应用", List.of("events:read"), FENGQIAO, 1000, List.of("10.9.9.0/24"));
		String token = this.machine.accessToken(fenced.clientId(), fenced.secret(), "events:read");
		Response denied = this.machine.get("/api/v1/events", token);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.problemType()).isEqualTo("https://govgrid.org/problems/address-not-allowed");
		Client local = client("本机应用", List.of("events:read"), FENGQIAO, 1000, List.of("127.0.0.0/8", "::1"));
		assertThat(this.machine
			.get("/api/v1/events", this.machine.accessToken(local.clientId(), local.secret(), "events:read"))
			.status()).isEqualTo(200);
	}

	@Test
	void aDisabledClientGetsNoTokenAndItsTokensStopWorking() {
		Client client = client("停用应用", List.of("events:read"), FENGQIAO, 1000, List.of());
		String token = this.machine.accessToken(client.clientId(), client.secret(), "events:read");
		Response disabled = this.admin.post("/api/v1/open/clients/" + client.id() + "/disable", Map.of());
		assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
		assertThat(disabled.json().path("enabled").asBoolean()).isFalse();

		Response refused = this.machine.token(client.clientId(), client.secret(), "events:read");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().path("error").asString()).isEqualTo("invalid_client");
		Response stale = this.machine.get("/api/v1/events", token);
		assertThat(stale.status()).isEqualTo(401);
		assertThat(stale.header("WWW-Authenticate")).startsWith("Bearer");

		assertThat(this.admin.post("/api/v1/open/clients/" + client.id() + "/enable", Map.of()).status())
			.isEqualTo(200);
		assertThat(this.machine.token(client.clientId(), client.secret(), "events:read").status()).isEqualTo(200);
	}

	@Test
	void aRotatedSecretReplacesTheOldOne() {
		Client client = client("换密钥应用", List.of("events:read"), FENGQIAO, 1000, List.of());
		Response rotated = this.admin.post("/api/v1/open/clients/" + client.id() + "/rotate-secret", Map.of());
		assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
		String fresh = rotated.json().path("clientSecret").asString();
		assertThat(fresh).isNotBlank().isNotEqualTo(client.secret());

		assertThat(this.machine.token(client.clientId(), client.secret(), "events:read").status()).isEqualTo(401);
		assertThat(this.machine.token(client.clientId(), fresh, "events:read").status()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select client_secret from oauth2_registered_client where client_id = ?",
				String.class, client.clientId()))
			.startsWith("{bcrypt}");
	}

	@Test
	void theJwksVerifiesTheTokenAndKeysSurviveARestartAndARotation() throws Exception {
		Client client = client("验签应用", List.of("events:read"), FENGQIAO, 1000, List.of());
		String before = this.machine.accessToken(client.clientId(), client.secret(), "events:read");
		assertThat(verifies(before)).isTrue();
		assertThat(JWSObject.parse(before).getPayload().toJSONObject()).containsEntry("sub", client.clientId());

		// a restart: a fresh SigningKeys over the same table reuses the stored key
		int rows = this.jdbc.queryForObject("select count(*) from open_signing_key", Integer.class);
		SigningKeys restarted = new SigningKeys(this.jdbcClient, this.sealing,
				new TransactionTemplate(this.transactions), this.audit, this.clock);
		assertThat(restarted.reload().active().getKeyID()).isEqualTo(JWSObject.parse(before).getHeader().getKeyID());
		assertThat(this.jdbc.queryForObject("select count(*) from open_signing_key", Integer.class)).isEqualTo(rows);
		assertThat(this.jdbc.queryForObject("select private_sealed from open_signing_key where kid = ?", String.class,
				JWSObject.parse(before).getHeader().getKeyID()))
			.doesNotContain("\"d\"");

		Response rotation = this.admin.post("/api/v1/open/keys/rotate", Map.of());
		assertThat(rotation.status()).as(rotation.body()).isEqualTo(200);
		String newKid = rotation.json().path("activeKeyId").asString();
		String after = this.machine.accessToken(client.clientId(), client.secret(), "events:read");
		assertThat(JWSObject.parse(after).getHeader().getKeyID()).isEqualTo(newKid);
		assertThat(verifies(before)).isTrue();
		assertThat(verifies(after)).isTrue();
		// the token signed by the retired key is still accepted
		assertThat(this.machine.get("/api/v1/events?size=1", before).status()).isEqualTo(200);
		assertThat(this.machine.get("/api/v1/events?size=1", after).status()).isEqualTo(200);
	}

	@Test
	void theAuthorizationServerPublishesItsMetadataIntrospectsAndRevokes() {
		Response openid = this.machine.anonymousGet("/.well-known/openid-configuration");
		assertThat(openid.status()).isEqualTo(200);
		assertThat(openid.json().path("token_endpoint").asString()).endsWith("/oauth2/token");
		assertThat(openid.json().path("jwks_uri").asString()).endsWith("/oauth2/jwks");
		Response oauth = this.machine.anonymousGet("/.well-known/oauth-authorization-server");
		assertThat(oauth.status()).isEqualTo(200);
		assertThat(oauth.json().path("introspection_endpoint").asString()).endsWith("/oauth2/introspect");

		Client client = client("内省应用", List.of("events:read"), FENGQIAO, 1000, List.of());
		String token = this.machine.accessToken(client.clientId(), client.secret(), "events:read");
		String basic = "Basic " + java.util.Base64.getEncoder()
			.encodeToString(
					(client.clientId() + ":" + client.secret()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		Response active = this.machine.form("/oauth2/introspect", basic, "token=" + token);
		assertThat(active.status()).as(active.body()).isEqualTo(200);
		assertThat(active.json().path("active").asBoolean()).isTrue();
		assertThat(active.json().path("client_id").asString()).isEqualTo(client.clientId());
		assertThat(this.machine.form("/oauth2/revoke", basic, "token=" + token).status()).isEqualTo(200);
		assertThat(this.machine.form("/oauth2/introspect", basic, "token=" + token).json().path("active").asBoolean())
			.isFalse();
		// a scope the client does not hold is refused
		assertThat(
				this.machine.token(client.clientId(), client.secret(), "events:write").json().path("error").asString())
			.isEqualTo("invalid_scope");
	}

	@Test
	void theAdminListsClientsWithoutSecretsAndBadInputNamesEveryField() {
		Client client = client("列表应用", List.of("basedata:read"), FENGQIAO, 60, List.of("192.168.1.7/24"));
		Response list = this.admin.get("/api/v1/open/clients?keyword=" + client.clientId());
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().path("total").asLong()).isEqualTo(1);
		JsonNode item = list.json().path("items").get(0);
		assertThat(item.has("clientSecret")).isFalse();
		assertThat(item.path("allowedIps").get(0).asString()).isEqualTo("192.168.1.0/24");
		assertThat(item.path("regionName").asString()).isEqualTo("枫桥街道");
		Response one = this.admin.get("/api/v1/open/clients/" + client.id());
		assertThat(one.body()).doesNotContain("clientSecret").doesNotContain(client.secret());

		int clients = this.jdbc.queryForObject("select count(*) from open_api_client", Integer.class);
		Response bad = this.admin.post("/api/v1/open/clients", Map.of("name", " ", "scopes", List.of("events:delete"),
				"regionId", 987654321L, "rateLimitPerMinute", 0, "allowedIps", List.of("10.0.0.0/33", "example.org")));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).contains("name", "unit", "scopes", "regionId", "rateLimitPerMinute",
				"allowedIps");
		assertThat(this.jdbc.queryForObject("select count(*) from open_api_client", Integer.class)).isEqualTo(clients);

		// an edit replaces the fields, and a town admin cannot see a client of another
		// town
		Response edited = this.admin.put("/api/v1/open/clients/" + client.id(),
				Map.of("name", "列表应用（改）", "unit", "测试单位", "scopes", List.of("basedata:read", "events:read"), "regionId",
						this.accounts.region(FENGQIAO).id(), "rateLimitPerMinute", 120, "allowedIps", List.of()));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().path("scopes").size()).isEqualTo(2);
		assertThat(this.machine.token(client.clientId(), client.secret(), "events:read").status()).isEqualTo(200);
		ApiClient townAdmin = this.accounts.signedIn(this.port, "SYS_ADMIN", SHISHAN);
		assertThat(townAdmin.get("/api/v1/open/clients/" + client.id()).status()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action in ('OPEN_CLIENT_CREATE', 'OPEN_CLIENT_UPDATE') and object_id = ?",
				Integer.class, Long.toString(client.id())))
			.isEqualTo(2);
	}

	@Test
	void aSessionStillWorksBesideTokensAndABadTokenIs401() {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", FENGQIAO);
		assertThat(worker.get("/api/v1/events?size=1").status()).isEqualTo(200);
		Response forged = this.machine.get("/api/v1/events", "not-a-token");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(forged.problemType()).isEqualTo("https://govgrid.org/problems/unauthenticated");
		assertThat(this.machine.anonymousGet("/api/v1/events").status()).isEqualTo(401);
	}

	/** A client made by the admin through the API. */
	@Test
	void aClientsOpenApiDocumentHoldsOnlyWhatItsScopesAllow() {
		Client client = client("开发文档测试应用", List.of("events:read"), FENGQIAO, 1000, List.of());
		Response forAdmin = this.admin.get("/api/v1/open/clients/" + client.id() + "/openapi.json");
		assertThat(forAdmin.status()).as(forAdmin.body()).isEqualTo(200);
		JsonNode paths = forAdmin.json().path("paths");
		assertThat(paths.path("/api/v1/events").has("get")).isTrue();
		assertThat(paths.path("/api/v1/events").has("post")).as("reporting needs events:write").isFalse();
		assertThat(paths.has("/api/v1/people")).as("base data needs basedata:read").isFalse();
		assertThat(paths.has("/api/v1/open/clients")).isFalse();
		paths.forEach(item -> item.forEach(operation -> assertThat(operation.path("x-permissions").toString())
			.containsAnyOf("event:case:read", "event:category:read")));
		assertThat(forAdmin.json().path("info").path("title").asString()).contains("开发文档测试应用");

		// the client reads the same document with its own token
		String token = this.machine.accessToken(client.clientId(), client.secret(), "events:read");
		Response own = this.machine.get("/api/v1/open/openapi.json", token);
		assertThat(own.status()).as(own.body()).isEqualTo(200);
		assertThat(own.json().path("paths").propertyNames()).containsExactlyInAnyOrderElementsOf(paths.propertyNames());

		assertThat(this.admin.get("/api/v1/open/clients/987654321/openapi.json").status()).isEqualTo(404);
	}

	record Client(long id, String clientId, String secret) {
	}

	private Client client(String name, List<String> scopes, String town, int rate, List<String> ips) {
		Response created = this.admin.post("/api/v1/open/clients", Map.of("name", name, "unit", "开放平台测试单位", "scopes",
				scopes, "regionId", this.accounts.region(town).id(), "rateLimitPerMinute", rate, "allowedIps", ips));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(body.path("clientSecret").asString()).isNotBlank();
		return new Client(body.path("id").asLong(), body.path("clientId").asString(),
				body.path("clientSecret").asString());
	}

	private long report(String town, String description) {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", town);
		Response event = worker.post("/api/v1/events",
				eventReport("QT-01", town + "001001", "GRID_WORKER", description, "开放平台测试地址"));
		assertThat(event.status()).as(event.body()).isEqualTo(201);
		return event.json().path("id").asLong();
	}

	private boolean verifies(String token) throws Exception {
		JWKSet published = JWKSet.parse(this.machine.anonymousGet("/oauth2/jwks").body());
		JWSObject jws = JWSObject.parse(token);
		RSAKey key = (RSAKey) published.getKeyByKeyId(jws.getHeader().getKeyID());
		return key != null && !key.isPrivate() && jws.verify(new RSASSAVerifier((RSAPublicKey) key.toPublicKey()));
	}

	private static String json(Map<String, Object> body) {
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(body);
	}

}
