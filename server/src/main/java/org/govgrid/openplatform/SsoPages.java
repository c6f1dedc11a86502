package org.govgrid.openplatform;

import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.govgrid.identity.SignInState;
import org.govgrid.platform.NotFoundException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The two pages of the single sign-on outside the authorization server's endpoints: the
 * name of a relying party for the console's sign-in page to show whose request is pending
 * (public: a client id is in every authorization URL anyway; only enabled clients that
 * sign people in are found), and the consent page for clients that require consent. The
 * consent page is plain HTML from the server because its form posts to
 * {@code /oauth2/authorize}, which answers with a redirect to the relying party: its CSP
 * allows exactly that client's redirect origins as form targets (the console's CSP allows
 * only our own).
 */
@RestController
class SsoPages {

	static final String CONSENT = "/sso/consent";

	private final NamedParameterJdbcTemplate jdbc;

	SsoPages(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record RelyingParty(String clientId, String name, String unit) {
	}

	@GetMapping("/sso/apps/{clientId}")
	RelyingParty app(@PathVariable String clientId) {
		return find(clientId).map(App::party).orElseThrow(() -> new NotFoundException("sso-app", clientId));
	}

	@GetMapping(CONSENT)
	ResponseEntity<String> consent(@RequestParam("client_id") String clientId, @RequestParam String state,
			@RequestParam(defaultValue = "") String scope, HttpServletRequest request) {
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		if (SignInState.userId(person) == null) {
			return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/login").build();
		}
		Optional<App> app = find(clientId);
		if (app.isEmpty()) {
			throw new NotFoundException("sso-app", clientId);
		}
		boolean english = Optional.ofNullable(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))
			.map(value -> value.toLowerCase(Locale.ROOT).startsWith("en"))
			.orElse(false);
		Set<String> scopes = new LinkedHashSet<>(Arrays.asList(scope.strip().split("\\s+")));
		scopes.removeIf(String::isBlank);
		String html = ConsentHtml.render(app.get().party(), person.getName(), state, scopes, english);
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Security-Policy",
					"default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
							+ "frame-ancestors 'none'; form-action 'self' " + String.join(" ", app.get().origins()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(html);
	}

	private record App(RelyingParty party, List<String> origins) {
	}

	private Optional<App> find(String clientId) {
		return this.jdbc
			.query("""
					select c.client_id, c.name, c.unit, o.redirect_uris from open_api_client c
					join oauth2_registered_client o on o.id = c.registered_client_id
					where c.client_id = :clientId and c.enabled and o.authorization_grant_types like '%authorization_code%'""",
					new MapSqlParameterSource("clientId", clientId),
					(rs, n) -> new App(
							new RelyingParty(rs.getString("client_id"), rs.getString("name"), rs.getString("unit")),
							origins(rs.getString("redirect_uris"))))
			.stream()
			.findFirst();
	}

	private static List<String> origins(String redirectUris) {
		if (redirectUris == null) {
			return List.of();
		}
		return Arrays.stream(redirectUris.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(uri -> {
			URI parsed = URI.create(uri);
			return parsed.getScheme() + "://" + parsed.getRawAuthority();
		}).distinct().toList();
	}

	/** The consent page, zh-CN or English, with every value escaped. */
	static final class ConsentHtml {

		private static final Map<String, String[]> SCOPES = Map.of("openid",
				new String[] { "确认您的身份（用户名）", "Confirm who you are (your username)" }, "profile",
				new String[] { "读取您的姓名、角色和所属区域", "Read your name, roles and region" });

		private ConsentHtml() {
		}

		static String render(RelyingParty app, String username, String state, Set<String> scopes, boolean english) {
			int l = english ? 1 : 0;
			String[][] text = { { "授权确认", "Authorize access" },
					{ "请求使用您的 GovGrid 账号登录", "wants to sign you in with your GovGrid account" },
					{ "该应用将可以：", "It will be able to:" }, { "同意并继续", "Allow and continue" }, { "拒绝", "Deny" },
					{ "当前账号", "Signed in as" }, { "所属单位", "Run by" } };
			StringBuilder items = new StringBuilder();
			StringBuilder hidden = new StringBuilder();
			for (String scope : scopes) {
				String[] label = SCOPES.getOrDefault(scope, new String[] { scope, scope });
				items.append("<li>").append(esc(label[l])).append(" <code>").append(esc(scope)).append("</code></li>");
				hidden.append("<input type=\"hidden\" name=\"scope\" value=\"").append(esc(scope)).append("\">");
			}
			String common = "<input type=\"hidden\" name=\"client_id\" value=\"" + esc(app.clientId()) + "\">"
					+ "<input type=\"hidden\" name=\"state\" value=\"" + esc(state) + "\">";
			return """
					<!doctype html><html lang="%s"><head><meta charset="utf-8">
					<meta name="viewport" content="width=device-width, initial-scale=1"><title>%s - GovGrid</title>
					<style>
					body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;font-family:system-ui,
					"PingFang SC","Microsoft YaHei",sans-serif;background:linear-gradient(160deg,#e9eef7 0%%,#f6f8fc 60%%,#e4ebf7 100%%);color:#1f2937}
					.card{width:min(460px,calc(100vw - 32px));background:#fff;border-radius:10px;box-shadow:0 12px 40px rgba(15,33,68,.14);overflow:hidden}
					header{padding:24px 32px;color:#fff;background:linear-gradient(150deg,#0f2144 0%%,#1d4ed8 130%%)}
					header h1{margin:0;font-size:20px;font-weight:600} main{padding:24px 32px}
					.app{font-size:18px;font-weight:600;color:#0f2144} .muted{color:#6b7280;font-size:13px}
					ul{padding-left:20px;line-height:2} code{color:#6b7280;font-size:12px}
					.actions{display:flex;gap:12px;margin-top:24px} form{flex:1}
					button{width:100%%;padding:10px;border-radius:4px;font-size:14px;cursor:pointer;border:1px solid #dcdfe6;background:#fff}
					button.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}
					</style></head><body><div class="card" data-testid="sso-consent">
					<header><h1>%s</h1></header><main>
					<p><span class="app">%s</span><br>%s</p><p class="muted">%s：%s</p>
					<p>%s</p><ul>%s</ul><p class="muted">%s：%s</p>
					<div class="actions">
					<form method="post" action="/oauth2/authorize">%s<button type="submit" data-testid="consent-deny">%s</button></form>
					<form method="post" action="/oauth2/authorize">%s%s<button class="primary" type="submit" data-testid="consent-allow">%s</button></form>
					</div></main></div></body></html>
					"""
				.formatted(english ? "en" : "zh-CN", text[0][l], text[0][l], esc(app.name()), text[1][l], text[6][l],
						esc(app.unit()), text[2][l], items, text[5][l], esc(username), common, text[4][l], common,
						hidden, text[3][l]);
		}

		private static String esc(String value) {
			return HtmlUtils.htmlEscape(value == null ? "" : value);
		}

	}

}
