package org.govgrid.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Failed-attempt counting, lockout and last sign-in, each one atomic SQL statement. Many
 * sign-ins to one account may arrive at once (a shared duty account, or a password
 * guesser in parallel); read-modify-write on the entity would lose counts or fail on its
 * version.
 */
@Component
class SignInBookkeeping {

	private final JdbcTemplate jdbc;

	SignInBookkeeping(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts a wrong password; returns true when this very failure locked the account.
	 */
	boolean recordFailure(long userId, Instant now, int threshold, Duration lockout) {
		Boolean lockedNow = this.jdbc.queryForObject("""
				update app_user set
				    failed_attempts = case when failed_attempts + 1 >= ? then 0 else failed_attempts + 1 end,
				    locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
				where id = ?
				returning failed_attempts = 0 and locked_until = ?""", Boolean.class, threshold, threshold,
				Timestamp.from(now.plus(lockout)), userId, Timestamp.from(now.plus(lockout)));
		return Boolean.TRUE.equals(lockedNow);
	}

	/**
	 * Records a successful sign-in; returns whether the password must now be changed (set
	 * before, or expired).
	 */
	boolean recordSuccess(long userId, Instant now, Duration passwordMaxAge) {
		Boolean mustChange = this.jdbc.queryForObject("""
				update app_user set failed_attempts = 0, locked_until = null, last_login_at = ?,
				    must_change_password = must_change_password or password_changed_at is null
				        or password_changed_at < ?
				where id = ?
				returning must_change_password""", Boolean.class, Timestamp.from(now),
				Timestamp.from(now.minus(passwordMaxAge)), userId);
		return Boolean.TRUE.equals(mustChange);
	}

}
