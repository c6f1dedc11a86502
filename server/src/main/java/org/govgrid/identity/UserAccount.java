package org.govgrid.identity;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.govgrid.platform.ConflictException;

/**
 * A user account with its sign-in state. Lockout, password changes and status moves are
 * guarded methods; an illegal move (enabling a cancelled account) throws.
 */
@Entity
@Table(name = "app_user")
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	@jakarta.persistence.Convert(converter = SealedPhoneConverter.class)
	private String phone;

	private Long departmentId;

	private Long scopeRegionId;

	private String scopePath;

	private String passwordHash;

	private boolean mustChangePassword = true;

	private Instant passwordChangedAt;

	private int failedAttempts;

	private Instant lockedUntil;

	@Enumerated(EnumType.STRING)
	private AccountStatus status = AccountStatus.ACTIVE;

	private Instant lastLoginAt;

	private Instant createdAt = Instant.now();

	private Instant updatedAt = Instant.now();

	@Version
	private long version;

	@ManyToMany
	@JoinTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"),
			inverseJoinColumns = @JoinColumn(name = "role_id"))
	private Set<Role> roles = new HashSet<>();

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, String initialPasswordHash) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = initialPasswordHash;
		this.mustChangePassword = true;
	}

	boolean isLocked(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	boolean canSignIn(Instant now) {
		return this.status == AccountStatus.ACTIVE && !isLocked(now);
	}

	void changePassword(String newHash, Instant now) {
		this.passwordHash = newHash;
		this.passwordChangedAt = now;
		this.mustChangePassword = false;
		// the current password was given: earlier wrong guesses no longer count
		this.failedAttempts = 0;
		this.updatedAt = now;
	}

	/**
	 * An administrator's reset: a temporary password that must be changed at next
	 * sign-in.
	 */
	void resetPassword(String temporaryHash, Instant now) {
		requireNotCancelled();
		this.passwordHash = temporaryHash;
		this.passwordChangedAt = null;
		this.mustChangePassword = true;
		this.failedAttempts = 0;
		this.lockedUntil = null;
		this.updatedAt = now;
	}

	void unlock() {
		requireNotCancelled();
		this.failedAttempts = 0;
		this.lockedUntil = null;
	}

	void disable() {
		requireNotCancelled();
		this.status = AccountStatus.DISABLED;
		this.updatedAt = Instant.now();
	}

	void enable() {
		requireNotCancelled();
		this.status = AccountStatus.ACTIVE;
		this.updatedAt = Instant.now();
	}

	void cancel() {
		requireNotCancelled();
		this.status = AccountStatus.CANCELLED;
		this.updatedAt = Instant.now();
	}

	void describe(String displayName, String phone, Long departmentId) {
		requireNotCancelled();
		this.displayName = displayName;
		this.phone = phone;
		this.departmentId = departmentId;
		this.updatedAt = Instant.now();
	}

	void placeInScope(long regionId, String path) {
		this.scopeRegionId = regionId;
		this.scopePath = path;
	}

	void assignRoles(Set<Role> roles) {
		this.roles = new HashSet<>(roles);
	}

	private void requireNotCancelled() {
		if (this.status == AccountStatus.CANCELLED) {
			throw new ConflictException("account " + this.username + " is cancelled / 账号已注销");
		}
	}

	Long getId() {
		return this.id;
	}

	String getUsername() {
		return this.username;
	}

	String getDisplayName() {
		return this.displayName;
	}

	String getPhone() {
		return this.phone;
	}

	Long getDepartmentId() {
		return this.departmentId;
	}

	Long getScopeRegionId() {
		return this.scopeRegionId;
	}

	String getScopePath() {
		return this.scopePath;
	}

	String getPasswordHash() {
		return this.passwordHash;
	}

	boolean isMustChangePassword() {
		return this.mustChangePassword;
	}

	AccountStatus getStatus() {
		return this.status;
	}

	Instant getLockedUntil() {
		return this.lockedUntil;
	}

	Instant getLastLoginAt() {
		return this.lastLoginAt;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Set<Role> getRoles() {
		return this.roles;
	}

}
