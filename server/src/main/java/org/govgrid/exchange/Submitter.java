package org.govgrid.exchange;

import java.util.Set;
import java.util.TreeSet;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The importing user as they were when they submitted the job: the rows are placed and
 * checked within this scope and these permissions, also when the job is run again after a
 * restart. Kept with the job as JSON.
 */
record Submitter(long userId, String username, String displayName, DataScope scope, Long departmentId,
		Set<String> permissions) implements ScopedPrincipal {

	static Submitter of(ScopedPrincipal principal) {
		return new Submitter(principal.userId(), principal.username(), principal.displayName(), principal.scope(),
				principal.departmentId(), new TreeSet<>(principal.permissions()));
	}

	/** As the security context of the job's thread, so audit rows name the importer. */
	Authentication authentication() {
		return UsernamePasswordAuthenticationToken.authenticated(this, null,
				this.permissions.stream().map(SimpleGrantedAuthority::new).toList());
	}

}
