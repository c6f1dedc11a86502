package org.govgrid.openplatform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;
import com.nimbusds.openid.connect.sdk.UserInfoResponse;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.claims.UserInfo;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpServer;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, 统一认证: GovGrid as the OpenID Provider of a relying party built with Nimbus
 * OAuth 2.0 SDK with OpenID Connect extensions (a library nobody here wrote). The party
 * discovers the provider, sends the browser with PKCE S256 and a nonce; the person signs
 * in on GovGrid's own sign-in page (forced password change included) and lands on the
 * party's redirect URI (a JDK HTTP server in the test) with a code; the party exchanges
 * it, validates the ID token against the JWKS, reads userinfo, refreshes, and signs out
 * through RP-initiated logout, which ends the GovGrid session. Consent, a disabled client
 * and the bad requests (wrong redirect URI, no PKCE for a public client) are refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SsoBrowserIT extends BrowserTest {

	private static final String FENGQIAO = "320505007";

	private HttpServer party;

	private String partyBase;

	private ApiClient admin;

	private OIDCProviderMetadata provider;

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeAll
	void aRelyingPartyAndItsProvider() throws Exception {
		this.party = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.party.createContext("/", exchange -> {
			byte[] body = "<html><body><h1 id=\"rp\">relying party</h1></body></html>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.party.start();
		this.partyBase = "http://127.0.0.1:" + this.party.getAddress().getPort();
		this.admin = this.accounts.demo(this.port, "admin");
		// discovery, as the library does it
		this.provider = OIDCProviderMetadata.resolve(new Issuer("http://localhost:" + this.port));
	}

	@AfterAll
	void stopTheParty() {
		if (this.party != null) {
			this.party.stop(0);
		}
	}

	@Test
	void aPersonSignsInToTheRelyingPartyWithPkceAndSignsOutAgain() throws Exception {
		Map<String, String> client = register("综治视频平台 " + System.nanoTime() % 100_000, false, false);
		ClientID clientId = new ClientID(client.get("clientId"));
		Secret secret = new Secret(client.get("clientSecret"));
		URI callback = URI.create(this.partyBase + "/callback");
		String username = this.accounts.create("sso" + System.nanoTime() % 1_000_000, "GRID_WORKER", FENGQIAO);

		CodeVerifier verifier = new CodeVerifier();
		Nonce nonce = new Nonce();
		State state = new State();
		AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE,
				new Scope("openid", "profile"), clientId, callback)
			.endpointURI(this.provider.getAuthorizationEndpointURI())
			.state(state)
			.nonce(nonce)
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.build();

		Page page = newPage();
		page.navigate(request.toURI().toString());
		// GovGrid's own sign-in page, the request pending
		page.waitForURL(Pattern.compile(".*/login\\?redirect=.*"));
		com.microsoft.playwright.assertions.PlaywrightAssertions
			.assertThat(page.locator("[data-testid=login-sso-pending]"))
			.containsText(client.get("name"));
		shoot(page, "sso-sign-in-pending");
		page.fill("input[name=username]", username);
		page.fill("input[name=password]", Accounts.INITIAL);
		page.click("[data-testid=login-submit]");
		// the forced password change comes first, then the browser goes on to the party
		page.waitForURL(Pattern.compile(".*/change-password.*"));
		page.fill("input[name=oldPassword]", Accounts.INITIAL);
		page.fill("input[name=newPassword]", Accounts.PASSWORD);
		page.fill("input[name=confirmPassword]", Accounts.PASSWORD);
		page.click("form button[type=submit]");
		page.waitForURL(url -> url.startsWith(callback.toString()));

		AuthenticationResponse response = AuthenticationResponseParser.parse(URI.create(page.url()));
		assertThat(response.indicatesSuccess()).as(page.url()).isTrue();
		assertThat(response.getState()).isEqualTo(state);
		AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();

		OIDCTokenResponse tokens = tokens(new TokenRequest(this.provider.getTokenEndpointURI(),
				new ClientSecretBasic(clientId, secret), new AuthorizationCodeGrant(code, callback, verifier)));
		JWT idToken = tokens.getOIDCTokens().getIDToken();
		IDTokenClaimsSet claims = new IDTokenValidator(this.provider.getIssuer(), clientId, JWSAlgorithm.RS256,
				this.provider.getJWKSetURI().toURL())
			.validate(idToken, nonce);
		assertThat(claims.getSubject().getValue()).isEqualTo(username);
		assertThat(claims.getStringClaim("preferred_username")).isEqualTo(username);
		assertThat(claims.getStringClaim("name")).isEqualTo(username);
		assertThat(claims.getStringListClaim("roles")).containsExactly("GRID_WORKER");
		assertThat(((Map<?, ?>) claims.getClaim("region")).get("code")).isEqualTo(FENGQIAO);
		assertThat(claims.getStringClaim("sid")).isNotBlank();

		BearerAccessToken access = tokens.getOIDCTokens().getBearerAccessToken();
		UserInfo userInfo = userInfo(access);
		assertThat(userInfo.getSubject().getValue()).isEqualTo(username);
		assertThat(userInfo.getPreferredUsername()).isEqualTo(username);
		assertThat(userInfo.getStringListClaim("roles")).containsExactly("GRID_WORKER");
		Map<?, ?> region = (Map<?, ?>) userInfo.getClaim("region");
		assertThat(region.get("code")).isEqualTo(FENGQIAO);
		assertThat(region.get("name")).isEqualTo("枫桥街道");
		assertThat((String) region.get("path")).contains(FENGQIAO);
		// a person's token is no API credential (the API takes clients' own tokens)
		assertThat(status(get("/api/v1/events", access.getValue()))).isEqualTo(401);
		// the sign-in to the party is audited as the person
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'SSO_LOGIN' and username = ? and object_id = ?",
				Integer.class, username, clientId.getValue()))
			.isEqualTo(1);

		// refresh (the party keeps its own session): a new access token and ID token, the
		// refresh token rotated
		RefreshToken refresh = tokens.getOIDCTokens().getRefreshToken();
		assertThat(refresh).isNotNull();
		OIDCTokenResponse refreshed = tokens(new TokenRequest(this.provider.getTokenEndpointURI(),
				new ClientSecretBasic(clientId, secret), new RefreshTokenGrant(refresh)));
		assertThat(refreshed.getOIDCTokens().getAccessToken().getValue()).isNotEqualTo(access.getValue());
		assertThat(refreshed.getOIDCTokens().getRefreshToken()).isNotEqualTo(refresh);
		assertThat(userInfo(refreshed.getOIDCTokens().getBearerAccessToken()).getSubject().getValue())
			.isEqualTo(username);
		JWT refreshedIdToken = refreshed.getOIDCTokens().getIDToken();
		assertThat(refreshedIdToken.getJWTClaimsSet().getStringClaim("sid")).isEqualTo(claims.getStringClaim("sid"));

		// RP-initiated logout with the latest ID token ends the GovGrid session
		State logoutState = new State();
		URI signedOut = URI.create(this.partyBase + "/signed-out");
		page.navigate(
				new LogoutRequest(this.provider.getEndSessionEndpointURI(), refreshedIdToken, signedOut, logoutState)
					.toURI()
					.toString());
		try {
			page.waitForURL(url -> url.startsWith(signedOut.toString()),
					new Page.WaitForURLOptions().setTimeout(10_000));
		}
		catch (com.microsoft.playwright.TimeoutError ex) {
			throw new AssertionError("logout stayed at " + page.url() + ": " + page.content(), ex);
		}
		assertThat(page.url()).contains("state=" + logoutState.getValue());
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'LOGOUT' and username = ? and detail like ?",
				Integer.class, username, "%" + clientId.getValue() + "%"))
			.isEqualTo(1);
		page.navigate(request.toURI().toString());
		page.waitForURL(Pattern.compile(".*/login\\?redirect=.*"));

		page.context().close();
	}

	@Test
	void aClientThatRequiresConsentAsksOnceAndADisabledClientGetsNoCode() throws Exception {
		Map<String, String> client = register("党建学习平台 " + System.nanoTime() % 100_000, true, true);
		ClientID clientId = new ClientID(client.get("clientId"));
		URI callback = URI.create(this.partyBase + "/callback");
		String username = this.accounts.create("ssoc" + System.nanoTime() % 1_000_000, "GRID_CHIEF", FENGQIAO);
		ApiClient person = new ApiClient(this.port);
		person.login(username, Accounts.INITIAL);
		person.changePassword(Accounts.INITIAL, Accounts.PASSWORD);

		Page page = newPage();
		page.navigate(publicRequest(clientId, callback, new State()).toURI().toString());
		page.waitForURL(Pattern.compile(".*/login\\?redirect=.*"));
		page.fill("input[name=username]", username);
		page.fill("input[name=password]", Accounts.PASSWORD);
		page.click("[data-testid=login-submit]");
		page.waitForURL(Pattern.compile(".*/sso/consent\\?.*"));
		com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("[data-testid=sso-consent]"))
			.containsText(client.get("name"));
		shoot(page, "sso-consent");
		// denied: the party hears access_denied, no code
		page.click("[data-testid=consent-deny]");
		page.waitForURL(url -> url.startsWith(callback.toString()));
		AuthenticationResponse denied = AuthenticationResponseParser.parse(URI.create(page.url()));
		assertThat(denied.indicatesSuccess()).isFalse();
		assertThat(((AuthenticationErrorResponse) denied).getErrorObject().getCode()).isEqualTo("access_denied");

		// allowed: a code; the next request is not asked again
		State state = new State();
		CodeVerifier verifier = new CodeVerifier();
		page.navigate(publicRequest(clientId, callback, state, verifier).toURI().toString());
		page.waitForURL(Pattern.compile(".*/sso/consent\\?.*"));
		page.click("[data-testid=consent-allow]");
		page.waitForURL(url -> url.startsWith(callback.toString()));
		AuthenticationResponse allowed = AuthenticationResponseParser.parse(URI.create(page.url()));
		assertThat(allowed.indicatesSuccess()).as(page.url()).isTrue();
		// a public client authenticates with the verifier alone
		OIDCTokenResponse tokens = tokens(new TokenRequest(this.provider.getTokenEndpointURI(), clientId,
				new AuthorizationCodeGrant(allowed.toSuccessResponse().getAuthorizationCode(), callback, verifier)));
		assertThat(tokens.getOIDCTokens().getIDToken().getJWTClaimsSet().getSubject()).isEqualTo(username);
		page.navigate(publicRequest(clientId, callback, new State()).toURI().toString());
		page.waitForURL(url -> url.startsWith(callback.toString()));
		assertThat(page.url()).contains("code=");

		// disabled: no code, even for a signed-in person, and no redirect to the party
		Response disabled = this.admin.post("/api/v1/open/clients/" + client.get("id") + "/disable", Map.of());
		assertThat(disabled.status()).isEqualTo(200);
		com.microsoft.playwright.Response answer = page
			.navigate(publicRequest(clientId, callback, new State()).toURI().toString());
		assertThat(answer.status()).isEqualTo(400);
		assertThat(page.url()).doesNotStartWith(callback.toString());
		page.context().close();
	}

	@Test
	void aWrongRedirectUriOrAMissingPkceGetsNoCode() throws Exception {
		Map<String, String> client = register("网格化对接 " + System.nanoTime() % 100_000, true, false);
		String authorize = this.provider.getAuthorizationEndpointURI().toString();
		String evil = this.partyBase + "/evil";
		// a redirect URI that is not registered exactly: an error page, never a redirect
		HttpResponse<String> wrong = get(
				authorize + "?response_type=code&scope=openid&state=s1&client_id=" + client.get("clientId")
						+ "&redirect_uri=" + enc(evil)
						+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
				null);
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(wrong.headers().firstValue("Location")).isEmpty();
		HttpResponse<String> prefix = get(
				authorize + "?response_type=code&scope=openid&state=s1&client_id=" + client.get("clientId")
						+ "&redirect_uri=" + enc(this.partyBase + "/callback/more")
						+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
				null);
		assertThat(prefix.statusCode()).isEqualTo(400);
		// a public client without PKCE: an error back to the party, no code
		HttpResponse<String> noPkce = get(authorize + "?response_type=code&scope=openid&state=s2&client_id="
				+ client.get("clientId") + "&redirect_uri=" + enc(this.partyBase + "/callback"), null);
		String location = noPkce.headers().firstValue("Location").orElse("");
		assertThat(location).startsWith(this.partyBase + "/callback").contains("error=invalid_request");
		assertThat(location).doesNotContain("code=");
		// API scopes are not a person's to grant
		HttpResponse<String> apiScope = get(
				authorize + "?response_type=code&scope=openid%20events:read&state=s3" + "&client_id="
						+ client.get("clientId") + "&redirect_uri=" + enc(this.partyBase + "/callback")
						+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256",
				null);
		assertThat(apiScope.headers().firstValue("Location").orElse("")).contains("error=invalid_scope");
	}

	@Test
	void badRelyingPartySettingsAreA400NamingEachFieldAndWriteNothing() throws Exception {
		String name = "坏回调 " + System.nanoTime() % 100_000;
		Response bad = this.admin.post("/api/v1/open/clients",
				Map.of("name", name, "unit", "测试单位", "scopes", List.of("openid", "events:read"), "regionId",
						this.accounts.region(FENGQIAO).id(), "rateLimitPerMinute", 60, "allowedIps", List.of(),
						"grantTypes", List.of("authorization_code", "client_credentials"), "redirectUris",
						List.of("http://example.com/cb", "https://ok.example.com/cb#frag", "javascript:alert(1)"),
						"postLogoutRedirectUris", List.of("ftp://example.com/out"), "publicClient", true));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.errorFields()).contains("redirectUris", "postLogoutRedirectUris", "publicClient");
		assertThat(bad.body()).contains("http://example.com/cb", "https://ok.example.com/cb#frag");
		Response noRedirect = this.admin.post("/api/v1/open/clients",
				Map.of("name", name, "unit", "测试单位", "scopes", List.of("profile"), "regionId",
						this.accounts.region(FENGQIAO).id(), "rateLimitPerMinute", 60, "grantTypes",
						List.of("authorization_code")));
		assertThat(noRedirect.status()).isEqualTo(400);
		assertThat(noRedirect.errorFields()).contains("redirectUris", "scopes");
		assertThat(this.jdbc.queryForObject("select count(*) from open_api_client where name = ?", Integer.class, name))
			.isZero();
		// the provider's metadata lists what a relying party needs
		HttpResponse<String> metadata = get("http://localhost:" + this.port + "/.well-known/openid-configuration",
				null);
		assertThat(metadata.body()).contains("\"authorization_code\"", "\"refresh_token\"", "\"S256\"", "/userinfo",
				"/connect/logout", "\"profile\"", "\"roles\"");
	}

	/** Registers a relying party of 枫桥街道; its view plus the secret when it has one. */
	private Map<String, String> register(String name, boolean publicClient, boolean consent) {
		Map<String, Object> body = new java.util.HashMap<>();
		body.put("name", name);
		body.put("unit", "枫桥街道综治中心");
		body.put("scopes", List.of("openid", "profile"));
		body.put("regionId", this.accounts.region(FENGQIAO).id());
		body.put("rateLimitPerMinute", 60);
		body.put("allowedIps", List.of());
		body.put("grantTypes", List.of("authorization_code"));
		body.put("redirectUris", List.of(this.partyBase + "/callback"));
		body.put("postLogoutRedirectUris", List.of(this.partyBase + "/signed-out"));
		body.put("requireConsent", consent);
		body.put("publicClient", publicClient);
		Response created = this.admin.post("/api/v1/open/clients", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("grantTypes").toString()).contains("authorization_code");
		assertThat(created.json().path("publicClient").asBoolean()).isEqualTo(publicClient);
		assertThat(created.json().has("clientSecret")).isEqualTo(!publicClient);
		Map<String, String> client = new java.util.HashMap<>();
		client.put("id", created.json().path("id").asString());
		client.put("clientId", created.json().path("clientId").asString());
		client.put("name", name);
		if (!publicClient) {
			client.put("clientSecret", created.json().path("clientSecret").asString());
		}
		return client;
	}

	private AuthenticationRequest publicRequest(ClientID clientId, URI callback, State state) {
		return publicRequest(clientId, callback, state, new CodeVerifier());
	}

	private AuthenticationRequest publicRequest(ClientID clientId, URI callback, State state, CodeVerifier verifier) {
		return new AuthenticationRequest.Builder(ResponseType.CODE, new Scope("openid", "profile"), clientId, callback)
			.endpointURI(this.provider.getAuthorizationEndpointURI())
			.state(state)
			.nonce(new Nonce())
			.codeChallenge(verifier, CodeChallengeMethod.S256)
			.build();
	}

	private static OIDCTokenResponse tokens(TokenRequest request) throws Exception {
		var answer = OIDCTokenResponseParser.parse(request.toHTTPRequest().send());
		assertThat(answer.indicatesSuccess()).as(() -> answer.toErrorResponse().getErrorObject().toString()).isTrue();
		return (OIDCTokenResponse) answer.toSuccessResponse();
	}

	private UserInfo userInfo(BearerAccessToken token) throws Exception {
		com.nimbusds.oauth2.sdk.http.HTTPResponse http = new UserInfoRequest(this.provider.getUserInfoEndpointURI(),
				token)
			.toHTTPRequest()
			.send();
		UserInfoResponse answer = UserInfoResponse.parse(http);
		assertThat(answer.indicatesSuccess())
			.as(() -> http.getStatusCode() + " " + http.getHeaderValue("WWW-Authenticate") + " " + http.getBody())
			.isTrue();
		return answer.toSuccessResponse().getUserInfo();
	}

	private HttpResponse<String> get(String url, String bearer) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create(url.startsWith("http") ? url : "http://localhost:" + this.port + url));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return this.http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int status(HttpResponse<String> response) {
		return response.statusCode();
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
