package org.govgrid.openplatform;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.SignInState;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.oidc.OidcProviderConfiguration;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * The single sign-on's rules on top of Spring Authorization Server's defaults (exact
 * redirect URIs, PKCE S256 required of public clients): a person's sign-in asks only for
 * OpenID scopes (API scopes belong to a system's own client_credentials token, whose
 * subject is the client), the metadata names the claims we issue, and a sign-out through
 * {@code /connect/logout} is audited like the console's.
 */
final class SsoPolicies {

	private SsoPolicies() {
	}

	static void onAuthorizationRequests(List<AuthenticationProvider> providers) {
		providers.forEach(provider -> {
			if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider codeRequests) {
				codeRequests.setAuthenticationValidator(
						new OAuth2AuthorizationCodeRequestAuthenticationValidator().andThen(SsoPolicies::openIdOnly));
			}
		});
	}

	private static void openIdOnly(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
		OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
		Set<String> requested = request.getScopes();
		if (!SsoClaims.OIDC_SCOPES.containsAll(requested)) {
			OAuth2AuthorizationCodeRequestAuthenticationToken result = new OAuth2AuthorizationCodeRequestAuthenticationToken(
					request.getAuthorizationUri(), request.getClientId(),
					(org.springframework.security.core.Authentication) request.getPrincipal(),
					context.getRegisteredClient().getRedirectUris().contains(request.getRedirectUri())
							? request.getRedirectUri() : null,
					request.getState(), request.getScopes(), request.getAdditionalParameters());
			throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
					OAuth2ErrorCodes.INVALID_SCOPE, "single sign-on grants only openid and profile", null), result);
		}
	}

	static void describe(OidcProviderConfiguration.Builder metadata) {
		metadata.scopes(scopes -> {
			scopes.clear();
			scopes.addAll(new TreeSet<>(SsoClaims.OIDC_SCOPES));
		}).claim("claims_supported", List.of("sub", "name", "preferred_username", "roles", "region", "sid"));
	}

	static AuthenticationSuccessHandler auditedLogout(AuditTrail audit) {
		OidcLogoutAuthenticationSuccessHandler logout = new OidcLogoutAuthenticationSuccessHandler();
		return (request, response, authentication) -> {
			if (authentication instanceof OidcLogoutAuthenticationToken token && token.isPrincipalAuthenticated()) {
				org.springframework.security.core.Authentication person = (org.springframework.security.core.Authentication) token
					.getPrincipal();
				Long userId = SignInState.userId(person);
				String client = token.getIdToken() == null ? token.getClientId()
						: String.join(",", token.getIdToken().getAudience());
				audit.record(AuditRecord.success("LOGOUT", "user", userId, "sso client=" + client)
					.by(userId, person.getName()));
			}
			logout.onAuthenticationSuccess(request, response, authentication);
		};
	}

}
