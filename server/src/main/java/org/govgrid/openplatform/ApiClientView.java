package org.govgrid.openplatform;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An API client as the admin sees it. {@code clientSecret} is present only in the answer
 * that made it (creation, rotation): it is stored hashed and cannot be shown again. A
 * public client has none.
 */
record ApiClientView(long id, String clientId, String name, String unit, List<String> scopes, long regionId,
		String regionName, int rateLimitPerMinute, List<String> allowedIps, boolean enabled, Instant createdAt,
		Instant updatedAt, Instant secretRotatedAt, int version, List<String> grantTypes, List<String> redirectUris,
		List<String> postLogoutRedirectUris, boolean requireConsent, boolean publicClient,
		@JsonInclude(JsonInclude.Include.NON_NULL) String clientSecret) {

	ApiClientView withSecret(String secret) {
		return new ApiClientView(this.id, this.clientId, this.name, this.unit, this.scopes, this.regionId,
				this.regionName, this.rateLimitPerMinute, this.allowedIps, this.enabled, this.createdAt, this.updatedAt,
				this.secretRotatedAt, this.version, this.grantTypes, this.redirectUris, this.postLogoutRedirectUris,
				this.requireConsent, this.publicClient, secret);
	}

	SsoSettings sso() {
		return new SsoSettings(this.grantTypes, this.redirectUris, this.postLogoutRedirectUris, this.requireConsent,
				this.publicClient);
	}

}
