package org.govgrid.openplatform;

import java.util.Set;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * An API client calling with a bearer token, as every module sees a caller: its service
 * account (ADR 0011) is the user id its reports and audit rows carry, its region the data
 * scope, its granted scopes' permission codes the permissions.
 */
record ApiClientPrincipal(long userId, String username, String displayName, DataScope scope, Set<String> permissions,
		String clientId) implements ScopedPrincipal, AuthenticatedPrincipal {

	/** The service account's name for a client id. */
	static String usernameOf(String clientId) {
		return "api-" + clientId;
	}

	@Override
	public Long departmentId() {
		return null;
	}

	@Override
	public String getName() {
		return this.username;
	}

}
