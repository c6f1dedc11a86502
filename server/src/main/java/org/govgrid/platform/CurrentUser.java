package org.govgrid.platform;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the authenticated {@link ScopedPrincipal} of the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	public static Optional<ScopedPrincipal> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof ScopedPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	public static ScopedPrincipal require() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not authenticated"));
	}

	public static DataScope scope() {
		return require().scope();
	}

}
