package org.govgrid.identity;

import java.time.Instant;
import java.util.List;

/** Request and response shapes of the user administration API. */
final class UserViews {

	private UserViews() {
	}

	record UserForm(String username, String displayName, String phone, Long departmentId, Long scopeRegionId,
			List<String> roles) {
	}

	record UserView(long id, String username, String displayName, String phone, Long departmentId,
			String departmentName, Long scopeRegionId, String scopeRegionName, List<String> roles, boolean enabled,
			boolean locked, boolean mustChangePassword, String status, Instant lastLoginAt, Instant createdAt) {
	}

	record CreatedUser(UserView user, String temporaryPassword) {

		@Override
		public String toString() {
			return "CreatedUser[" + this.user.username() + "]";
		}

	}

	record TemporaryPassword(String temporaryPassword) {

		@Override
		public String toString() {
			return "TemporaryPassword[***]";
		}

	}

	/** {@code 138****5678}: the middle four digits hidden, as in every response. */
	static String maskPhone(String phone) {
		return org.govgrid.platform.Masking.phone(phone);
	}

}
