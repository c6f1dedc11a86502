package org.govgrid.demo;

import java.util.Set;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;

/**
 * Who seeds the demo's base data: a real demo account (so notes and mediation steps carry
 * a believable author) with the system's unrestricted scope.
 */
record DemoActor(long userId, String username, String displayName) implements ScopedPrincipal {

	@Override
	public DataScope scope() {
		return DataScope.SYSTEM;
	}

	@Override
	public Long departmentId() {
		return null;
	}

	@Override
	public Set<String> permissions() {
		return Set.of();
	}

}
