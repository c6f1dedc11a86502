package org.govgrid.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.messaging.SmsGateway;
import org.govgrid.messaging.SmsMessage;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-person password resets of the separated admins (三员分立). A reset of a system or
 * security admin is asked for by another holder of the same duty and waits; a different
 * admin of the three (neither the one who asked nor the holder) approves it within 24
 * hours; the temporary password then goes by text message to the holder's own phone and
 * is shown to nobody. Requests are seen by approvers whose scope covers the holder;
 * anything else is 404.
 */
@Service
class PasswordResets {

	static final Duration VALID_FOR = Duration.ofHours(24);

	private final UserAccountRepository users;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final SessionTerminator sessions;

	private final SmsGateway sms;

	private final AuditTrail audit;

	PasswordResets(UserAccountRepository users, JdbcClient jdbc, PasswordEncoder encoder, SessionTerminator sessions,
			SmsGateway sms, AuditTrail audit) {
		this.users = users;
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.sessions = sessions;
		this.sms = sms;
		this.audit = audit;
	}

	/** Opens a pending reset of {@code target}, a holder of {@code duty}. */
	@Transactional
	ResetRequestView request(UserAccount target, String duty, long requesterId) {
		if (target.getPhone() == null || target.getPhone().isBlank()) {
			throw new ConflictException("the account has no phone to receive a temporary password; "
					+ "add one first / 该账号没有登记手机号，无法接收临时密码，请先补充手机号");
		}
		expireOld();
		boolean open = this.jdbc
			.sql("select count(*) from password_reset_request where target_id = :target and status = 'PENDING'")
			.param("target", target.getId())
			.query(Long.class)
			.single() > 0;
		if (open) {
			throw new ConflictException("a reset of this account is already waiting for approval / 该账号已有待审批的密码重置");
		}
		long id = this.jdbc.sql("""
				insert into password_reset_request (target_id, target_role, requested_by)
				values (:target, :role, :requester) returning id""")
			.param("target", target.getId())
			.param("role", duty)
			.param("requester", requesterId)
			.query(Long.class)
			.single();
		this.audit.record(AuditRecord.success("USER_PASSWORD_RESET_REQUEST", "user", target.getId(),
				target.getUsername() + " (" + duty + "), request " + id + " waits for a second admin"));
		return find(id).orElseThrow();
	}

	/** Pending requests whose holder lies in the caller's scope, oldest first. */
	@Transactional
	List<ResetRequestView> pending(DataScope scope) {
		expireOld();
		return this.jdbc.sql(SELECT + " where r.status = 'PENDING' order by r.id")
			.query(PasswordResets::view)
			.list()
			.stream()
			.filter(r -> visible(r, scope))
			.toList();
	}

	@Transactional
	ResetRequestView approve(long id, DataScope scope, long approverId) {
		Set<String> approverRoles = this.users.findById(approverId)
			.map(u -> u.getRoles().stream().map(Role::getCode).collect(Collectors.toSet()))
			.orElse(Set.of());
		expireOld();
		ResetRequestView request = find(id).filter(r -> visible(r, scope))
			.orElseThrow(() -> new NotFoundException("password reset request", id));
		if (!"PENDING".equals(request.status())) {
			throw new ConflictException("the request is " + request.status() + " / 该请求已处理或已过期");
		}
		if (approverId == request.requestedById() || approverId == request.targetId()
				|| approverRoles.stream().noneMatch(SeparatedDuties.ALL::contains)) {
			throw new AccessDeniedException("a second admin of the three must approve, neither the one who asked "
					+ "nor the holder / 三员分立：须由申请人和账号持有人以外的另一名管理员审批");
		}
		UserAccount target = this.users.findById(request.targetId())
			.orElseThrow(() -> new NotFoundException("user", request.targetId()));
		Set<String> roles = target.getRoles().stream().map(Role::getCode).collect(Collectors.toSet());
		if (!roles.contains(request.targetRole()) || target.getPhone() == null || target.getPhone().isBlank()) {
			throw new ConflictException("the account changed since the request; ask again / 账号已变更，请重新申请");
		}
		String temporary = TemporaryPasswords.generate();
		target.resetPassword(this.encoder.encode(temporary), Instant.now());
		this.users.save(target);
		this.jdbc.sql("""
				update password_reset_request set status = 'APPROVED', decided_by = :approver, decided_at = now()
				where id = :id and status = 'PENDING'""").param("approver", approverId).param("id", id).update();
		this.sessions.endSessionsOf(target.getUsername());
		// the holder's own channel: no admin ever sees the temporary password
		this.sms.send(new SmsMessage(target.getId(), target.getPhone(),
				"【GovGrid】您的账号 " + target.getUsername() + " 的临时密码：" + temporary + "，请尽快登录并修改。"));
		this.audit.record(AuditRecord.success("USER_PASSWORD_RESET", "user", target.getId(),
				target.getUsername() + " (" + request.targetRole() + "), request " + id
						+ " approved by a second admin, temporary password sent to the holder's phone"));
		return find(id).orElseThrow();
	}

	private void expireOld() {
		this.jdbc.sql("""
				update password_reset_request set status = 'EXPIRED'
				where status = 'PENDING' and requested_at < :cutoff""")
			.param("cutoff", java.sql.Timestamp.from(Instant.now().minus(VALID_FOR)))
			.update();
	}

	private Optional<ResetRequestView> find(long id) {
		return this.jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(PasswordResets::view).optional();
	}

	private static boolean visible(ResetRequestView request, DataScope scope) {
		return scope.covers(request.scopePath());
	}

	private static final String SELECT = """
			select r.id, r.target_id, t.username as target_username, t.scope_path, r.target_role, r.requested_by,
			       q.username as requested_by_username, r.requested_at, r.status, d.username as decided_by_username,
			       r.decided_at
			from password_reset_request r
			join app_user t on t.id = r.target_id
			join app_user q on q.id = r.requested_by
			left join app_user d on d.id = r.decided_by""";

	private static ResetRequestView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		java.sql.Timestamp decided = rs.getTimestamp("decided_at");
		return new ResetRequestView(rs.getLong("id"), rs.getLong("target_id"), rs.getString("target_username"),
				rs.getString("scope_path"), rs.getString("target_role"), rs.getLong("requested_by"),
				rs.getString("requested_by_username"), rs.getTimestamp("requested_at").toInstant(),
				rs.getString("status"), rs.getString("decided_by_username"),
				decided == null ? null : decided.toInstant());
	}

	/** A reset request as the approvers see it (no password, ever). */
	record ResetRequestView(long id, long targetId, String targetUsername,
			@com.fasterxml.jackson.annotation.JsonIgnore String scopePath, String targetRole, long requestedById,
			String requestedBy, Instant requestedAt, String status, String decidedBy, Instant decidedAt) {
	}

}
