package org.govgrid.identity;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/**
 * 三员分立 between accounts: no one of the system admin, security admin and auditor may take
 * over another's account. An account holding one of the three duties is created, changed
 * or has its password reset only by an admin who holds the same duty (so the system admin
 * never touches a security admin's or auditor's account, and nobody administers auditors
 * through this API: they have no administration rights). Resets of the three wait for a
 * second admin ({@link PasswordResets}), and their temporary passwords go to the holder's
 * own phone, never to an admin.
 */
final class SeparatedDuties {

	static final String SYS_ADMIN = "SYS_ADMIN";

	static final String SEC_ADMIN = "SEC_ADMIN";

	static final String AUDITOR = "AUDITOR";

	static final Set<String> ALL = Set.of(SYS_ADMIN, SEC_ADMIN, AUDITOR);

	private SeparatedDuties() {
	}

	/** The one separated duty among these role codes, if any. */
	static Optional<String> dutyOf(Collection<String> roleCodes) {
		return roleCodes.stream().filter(ALL::contains).sorted().findFirst();
	}

	/**
	 * Refuses (403) an admin acting on an account of a duty they do not hold themselves.
	 * @param action what was tried, for the message
	 */
	static void requireSameDuty(Set<String> callerRoles, Optional<String> duty, String action) {
		if (duty.isEmpty()) {
			return;
		}
		String held = duty.get();
		if (AUDITOR.equals(held) || !callerRoles.contains(held)) {
			throw new AccessDeniedException(action + " of a " + held
					+ " account is reserved to another holder of that duty / 三员分立：只有同一角色的其他管理员可以操作该账号");
		}
	}

}
