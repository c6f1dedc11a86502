package org.govgrid.openplatform;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.govgrid.platform.FieldErrors;

import org.springframework.security.oauth2.core.oidc.OidcScopes;

/**
 * What makes an API client a relying party of the single sign-on: its grants
 * ({@code client_credentials} for a system calling as itself, {@code authorization_code}
 * for signing people in, refresh included), its exact redirect URIs and post-logout URIs,
 * whether users must consent, and whether it is public (a browser or desktop app that
 * keeps no secret and must use PKCE S256).
 */
record SsoSettings(List<String> grantTypes, List<String> redirectUris, List<String> postLogoutRedirectUris,
		boolean requireConsent, boolean publicClient) {

	static final String CLIENT_CREDENTIALS = "client_credentials";

	static final String AUTHORIZATION_CODE = "authorization_code";

	/** A machine client, as every client was before the single sign-on. */
	static final SsoSettings MACHINE = new SsoSettings(List.of(CLIENT_CREDENTIALS), List.of(), List.of(), false, false);

	boolean signsPeopleIn() {
		return this.grantTypes.contains(AUTHORIZATION_CODE);
	}

	boolean callsAsItself() {
		return this.grantTypes.contains(CLIENT_CREDENTIALS);
	}

	/**
	 * Checks the command's single sign-on fields against each other and the scopes; a
	 * field left out keeps {@code current} (null: a new client).
	 */
	static SsoSettings check(ApiClientCommand command, Set<String> scopes, SsoSettings current, FieldErrors errors) {
		SsoSettings base = current == null ? MACHINE : current;
		Set<String> grants = new LinkedHashSet<>();
		List<String> askedGrants = command.grantTypes() == null ? base.grantTypes() : command.grantTypes();
		if (askedGrants.isEmpty()) {
			errors.add("grantTypes", "at least one grant type / 至少选择一种授权方式");
		}
		for (String grant : askedGrants) {
			if (CLIENT_CREDENTIALS.equals(grant) || AUTHORIZATION_CODE.equals(grant)) {
				grants.add(grant);
			}
			else {
				errors.add("grantTypes", "unknown grant type " + grant
						+ "; one of client_credentials, authorization_code" + " / 未知的授权方式");
			}
		}
		boolean publicClient = command.publicClient() == null ? base.publicClient() : command.publicClient();
		if (current != null && publicClient != current.publicClient()) {
			errors.add("publicClient", "cannot change once registered; register a new client / 注册后不能更改，请新建接入应用");
		}
		if (publicClient && grants.contains(CLIENT_CREDENTIALS)) {
			errors.add("publicClient",
					"a public client keeps no secret, so it cannot use client_credentials / 公开客户端没有密钥，不能使用客户端凭证授权");
		}
		List<String> askedRedirects = command.redirectUris() == null ? base.redirectUris() : command.redirectUris();
		List<String> redirects = RedirectUris.check(askedRedirects, "redirectUris", errors);
		List<String> logouts = RedirectUris.check(command.postLogoutRedirectUris() == null
				? base.postLogoutRedirectUris() : command.postLogoutRedirectUris(), "postLogoutRedirectUris", errors);
		boolean signsIn = grants.contains(AUTHORIZATION_CODE);
		if (signsIn && askedRedirects.isEmpty()) {
			errors.add("redirectUris", "at least one redirect URI for authorization_code / 单点登录至少需要一个回调地址");
		}
		if (!signsIn && !askedRedirects.isEmpty()) {
			errors.add("redirectUris", "only for the authorization_code grant / 仅单点登录（授权码）可设置回调地址");
		}
		if (!signsIn && !logouts.isEmpty()) {
			errors.add("postLogoutRedirectUris", "only for the authorization_code grant / 仅单点登录（授权码）可设置退出后地址");
		}
		List<String> oidc = new ArrayList<>();
		List<String> api = new ArrayList<>();
		scopes.forEach(scope -> (SsoClaims.OIDC_SCOPES.contains(scope) ? oidc : api).add(scope));
		if (signsIn && !oidc.contains(OidcScopes.OPENID)) {
			errors.add("scopes", "authorization_code needs the openid scope / 单点登录需要 openid 权限范围");
		}
		if (!signsIn && !oidc.isEmpty()) {
			errors.add("scopes", "openid and profile need the authorization_code grant / openid、profile 仅用于单点登录");
		}
		if (!grants.contains(CLIENT_CREDENTIALS) && !api.isEmpty() && !grants.isEmpty()) {
			errors.add("scopes", "API scopes need the client_credentials grant / 接口权限范围需要客户端凭证授权");
		}
		boolean consent = command.requireConsent() == null ? base.requireConsent() : command.requireConsent();
		return new SsoSettings(List.copyOf(grants), redirects, logouts, consent, publicClient);
	}

}
