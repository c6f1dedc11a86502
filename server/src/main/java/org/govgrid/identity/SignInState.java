package org.govgrid.identity;

import org.springframework.security.core.Authentication;

/**
 * What other modules may ask about a signed-in person's session without seeing identity's
 * principal: the open platform's single sign-on must not hand a relying party a user who
 * still has to change an initial or expired password.
 */
public final class SignInState {

	/**
	 * The class of a signed-in person's principal, for stores that keep it as typed JSON
	 * (the authorization server's authorizations) and must allow it by name.
	 */
	public static final String PRINCIPAL_TYPE = GovGridPrincipal.class.getName();

	private SignInState() {
	}

	/**
	 * True when {@code authentication} is a person who must change their password first.
	 */
	public static boolean passwordChangeDue(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof GovGridPrincipal principal
				&& principal.mustChangePassword();
	}

	/**
	 * The signed-in person's user id, or null when {@code authentication} is not a
	 * person.
	 */
	public static Long userId(Authentication authentication) {
		return authentication != null && authentication.getPrincipal() instanceof GovGridPrincipal principal
				? principal.userId() : null;
	}

}
