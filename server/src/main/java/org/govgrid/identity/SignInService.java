package org.govgrid.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.GovGridProperties;
import org.govgrid.platform.InvalidInputException;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-in and password change. Unknown users, wrong passwords, locked and disabled
 * accounts all fail alike (one generic message, one password hash computed) so that an
 * attacker learns nothing; the audit trail records the real reason.
 */
@Service
class SignInService {

	/** Compared against when the user does not exist, so timing does not tell. */
	private final String dummyHash;

	private final UserAccountRepository users;

	private final PasswordHistoryRepository history;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final AuditTrail audit;

	private final GovGridProperties.Security settings;

	private final Clock clock;

	private final SignInBookkeeping bookkeeping;

	SignInService(UserAccountRepository users, PasswordHistoryRepository history, PasswordEncoder encoder,
			PasswordPolicy policy, AuditTrail audit, GovGridProperties properties, Clock clock,
			SignInBookkeeping bookkeeping) {
		this.bookkeeping = bookkeeping;
		this.users = users;
		this.history = history;
		this.encoder = encoder;
		this.policy = policy;
		this.audit = audit;
		this.settings = properties.security();
		this.clock = clock;
		this.dummyHash = encoder.encode("not-a-real-password-" + System.nanoTime());
	}

	/** Returns the principal on success, empty on any failure. */
	@Transactional(noRollbackFor = RuntimeException.class)
	Optional<GovGridPrincipal> signIn(String username, String password) {
		Instant now = this.clock.instant();
		String name = username == null ? "" : username.trim();
		UserAccount user = name.isEmpty() ? null : this.users.findByUsername(name).orElse(null);
		boolean passwordMatches = this.encoder.matches(password == null ? "" : password,
				user == null ? this.dummyHash : user.getPasswordHash());
		if (user == null) {
			fail(null, name, "unknown user / 用户不存在");
			return Optional.empty();
		}
		if (user.getStatus() != AccountStatus.ACTIVE) {
			fail(user.getId(), name, "account " + user.getStatus() + " / 账号已停用或注销");
			return Optional.empty();
		}
		if (user.isLocked(now)) {
			fail(user.getId(), name, "account locked until " + user.getLockedUntil() + " / 账号已锁定");
			return Optional.empty();
		}
		if (!passwordMatches) {
			boolean lockedNow = this.bookkeeping.recordFailure(user.getId(), now, this.settings.lockoutThreshold(),
					this.settings.lockoutDuration());
			fail(user.getId(), name, "wrong password / 密码错误");
			if (lockedNow) {
				this.audit
					.record(new AuditRecord("LOCKOUT", "user", user.getId().toString(), AuditOutcome.SUCCESS,
							"locked for " + this.settings.lockoutDuration() + " after "
									+ this.settings.lockoutThreshold() + " failures / 连续失败后锁定",
							new AuditRecord.Actor(user.getId(), name)));
			}
			return Optional.empty();
		}
		boolean mustChange = this.bookkeeping.recordSuccess(user.getId(), now, this.settings.passwordMaxAge());
		this.audit.record(AuditRecord.success("LOGIN", "user", user.getId(), null).by(user.getId(), name));
		return Optional.of(GovGridPrincipal.of(user).requiringPasswordChange(mustChange));
	}

	/**
	 * Changes the signed-in user's own password; every bad field is reported. A wrong
	 * current password counts as a failed sign-in: the same threshold locks the account,
	 * and while it is locked no change is tried at all.
	 */
	@Transactional(noRollbackFor = { InvalidInputException.class, AccountLockedException.class })
	void changePassword(long userId, String oldPassword, String newPassword) {
		UserAccount user = this.users.findById(userId).orElseThrow();
		Instant now = this.clock.instant();
		if (user.isLocked(now)) {
			this.audit.record(new AuditRecord("PASSWORD_CHANGE", "user", Long.toString(userId), AuditOutcome.DENIED,
					"account locked until " + user.getLockedUntil() + " / 账号已锁定", null));
			throw new AccountLockedException(Math.max(1, Duration.between(now, user.getLockedUntil()).toSeconds()));
		}
		FieldErrors errors = new FieldErrors();
		boolean wrongCurrent = false;
		if (oldPassword == null || oldPassword.isEmpty()) {
			errors.add("oldPassword", "required / 必填");
		}
		else if (!this.encoder.matches(oldPassword, user.getPasswordHash())) {
			errors.add("oldPassword", "does not match the current password / 原密码不正确");
			wrongCurrent = true;
		}
		List<String> recent = new java.util.ArrayList<>();
		recent.add(user.getPasswordHash());
		this.history.findByUserIdOrderByChangedAtDesc(userId, PageRequest.of(0, this.settings.passwordHistory() - 1))
			.forEach(h -> recent.add(h.getPasswordHash()));
		this.policy.check("newPassword", user.getUsername(), newPassword, recent, errors);
		if (!errors.isEmpty()) {
			this.audit.record(new AuditRecord("PASSWORD_CHANGE", "user", Long.toString(userId), AuditOutcome.FAILURE,
					"rejected / 未通过校验", null));
		}
		// the entity is untouched on this path, so its flush cannot undo the count
		if (wrongCurrent && this.bookkeeping.recordFailure(userId, now, this.settings.lockoutThreshold(),
				this.settings.lockoutDuration())) {
			this.audit.record(
					new AuditRecord("LOCKOUT", "user", Long.toString(userId), AuditOutcome.SUCCESS,
							"locked for " + this.settings.lockoutDuration() + " after "
									+ this.settings.lockoutThreshold() + " wrong current passwords / 原密码连续错误后锁定",
							null));
		}
		errors.throwIfAny();
		this.history.save(new PasswordHistoryEntry(userId, user.getPasswordHash()));
		user.changePassword(this.encoder.encode(newPassword), now);
		this.audit.record(AuditRecord.success("PASSWORD_CHANGE", "user", userId, null));
	}

	/** The account is locked (too many failures); the caller answers 429. */
	static final class AccountLockedException extends RuntimeException {

		private final long retryAfterSeconds;

		AccountLockedException(long retryAfterSeconds) {
			super("account locked");
			this.retryAfterSeconds = retryAfterSeconds;
		}

		long retryAfterSeconds() {
			return this.retryAfterSeconds;
		}

	}

	private void fail(Long userId, String username, String reason) {
		this.audit.record(new AuditRecord("LOGIN", "user", userId == null ? null : userId.toString(),
				AuditOutcome.FAILURE, reason, new AuditRecord.Actor(userId, username)));
	}

}
