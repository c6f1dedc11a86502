package org.govgrid.openplatform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.Map;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.Directory;
import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims a relying party learns about a signed-in person (issue 16, 统一认证):
 * {@code sub} is the username (GovGrid's sign-in name, unique and never reused), and with
 * the {@code profile} scope {@code name}, {@code preferred_username}, {@code roles} (role
 * codes) and {@code region} (id, code, name, path of the person's data scope). Read fresh
 * from the directory for each ID token and each userinfo call, so a changed role shows at
 * the next refresh. An ID token issued for a code (not a refresh) is audited as the
 * person's single sign-on to that client.
 */
@Component
class SsoClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

	/** The OpenID scopes a relying party may ask for besides API scopes. */
	static final Set<String> OIDC_SCOPES = Set.of(OidcScopes.OPENID, OidcScopes.PROFILE);

	private final IdentityProvisioning identity;

	private final Directory directory;

	private final RegionService regions;

	private final AuditTrail audit;

	SsoClaims(IdentityProvisioning identity, Directory directory, RegionService regions, AuditTrail audit) {
		this.identity = identity;
		this.directory = directory;
		this.regions = regions;
		this.audit = audit;
	}

	/** {@code sub} and, with {@code profile}, the person's name, roles and region. */
	Map<String, Object> of(String username, Set<String> scopes) {
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("sub", username);
		if (!scopes.contains(OidcScopes.PROFILE)) {
			return claims;
		}
		this.identity.userId(username).flatMap(this.directory::user).ifPresent(user -> {
			claims.put("name", user.name());
			claims.put("preferred_username", username);
			// plain JDK types: the stored authorization keeps these claims as typed JSON
			claims.put("roles", new ArrayList<>(new TreeSet<>(this.directory.roleCodes(user.id()))));
			this.regions.find(user.scopeRegionId()).ifPresent(region -> claims.put("region", region(region)));
		});
		return claims;
	}

	@Override
	public void customize(JwtEncodingContext context) {
		if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
			return;
		}
		String username = context.getPrincipal().getName();
		Map<String, Object> claims = of(username, context.getAuthorizedScopes());
		context.getClaims().claims(existing -> claims.forEach(existing::put));
		if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
			String clientId = context.getRegisteredClient().getClientId();
			Long userId = this.identity.userId(username).orElse(null);
			this.audit.record(AuditRecord.success("SSO_LOGIN", "api-client", clientId, "client=" + clientId)
				.by(userId, username));
		}
	}

	private static Map<String, Object> region(RegionSummary region) {
		Map<String, Object> claim = new LinkedHashMap<>();
		claim.put("id", region.id());
		claim.put("code", region.code());
		claim.put("name", region.name());
		claim.put("path", region.path());
		return claim;
	}

}
