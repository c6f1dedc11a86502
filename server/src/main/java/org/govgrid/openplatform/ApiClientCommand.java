package org.govgrid.openplatform;

import java.util.List;

/**
 * An API client as registered or edited (a PUT replaces every field): its name, the unit
 * that runs it, the scopes it may ask for, the region it sees, its rate limit and the
 * address ranges it may call from (empty: any). A relying party of the single sign-on
 * also has the {@code authorization_code} grant, its exact redirect URIs, the URIs it may
 * return to after sign-out, whether users must consent, and whether it is a public client
 * (PKCE, no secret); left out, these keep their value (on creation: a client_credentials
 * client with a secret).
 */
record ApiClientCommand(String name, String unit, List<String> scopes, Long regionId, Integer rateLimitPerMinute,
		List<String> allowedIps, Integer version, List<String> grantTypes, List<String> redirectUris,
		List<String> postLogoutRedirectUris, Boolean requireConsent, Boolean publicClient) {
}
