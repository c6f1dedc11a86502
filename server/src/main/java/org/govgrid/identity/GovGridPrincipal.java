package org.govgrid.identity;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The signed-in user as kept in the (database-backed) session. Changes to roles, scope or
 * status end the user's sessions, so this copy is never stale for long.
 */
record GovGridPrincipal(long userId, String username, String displayName, DataScope scope, Long departmentId,
		Set<String> roles, Set<String> permissions,
		boolean mustChangePassword) implements ScopedPrincipal, AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static GovGridPrincipal of(UserAccount user) {
		Set<String> roles = new TreeSet<>();
		Set<String> permissions = new TreeSet<>();
		user.getRoles().forEach(role -> {
			roles.add(role.getCode());
			permissions.addAll(role.getPermissions());
		});
		return new GovGridPrincipal(user.getId(), user.getUsername(), user.getDisplayName(),
				new DataScope(user.getScopeRegionId(), user.getScopePath()), user.getDepartmentId(), roles, permissions,
				user.isMustChangePassword());
	}

	GovGridPrincipal withPasswordChanged() {
		return requiringPasswordChange(false);
	}

	GovGridPrincipal requiringPasswordChange(boolean required) {
		return new GovGridPrincipal(this.userId, this.username, this.displayName, this.scope, this.departmentId,
				this.roles, this.permissions, required);
	}

	/** Permission codes plus {@code ROLE_<code>} for each role. */
	Collection<GrantedAuthority> authorities() {
		List<GrantedAuthority> authorities = new java.util.ArrayList<>();
		this.permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
		this.roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
		return authorities;
	}

	/** The name Spring Session indexes sessions by, so they can be ended per user. */
	@Override
	public String getName() {
		return this.username;
	}

	@Override
	public String toString() {
		return "GovGridPrincipal[" + this.username + "]";
	}

}
