package org.govgrid.audit;

/**
 * One security-relevant action. {@code actor} is set only where nobody is signed in yet
 * (a login attempt); otherwise the current user is recorded. {@code detail} must never
 * carry an ID number, a phone or a password.
 */
public record AuditRecord(String action, String objectType, String objectId, AuditOutcome outcome, String detail,
		Actor actor) {

	public static AuditRecord success(String action, String objectType, Object objectId, String detail) {
		return new AuditRecord(action, objectType, objectId == null ? null : objectId.toString(), AuditOutcome.SUCCESS,
				detail, null);
	}

	public AuditRecord by(Long userId, String username) {
		return new AuditRecord(this.action, this.objectType, this.objectId, this.outcome, this.detail,
				new Actor(userId, username));
	}

	public AuditRecord withOutcome(AuditOutcome outcome) {
		return new AuditRecord(this.action, this.objectType, this.objectId, outcome, this.detail, this.actor);
	}

	/** Who acted, when it cannot be taken from the security context. */
	public record Actor(Long userId, String username) {
	}

}
