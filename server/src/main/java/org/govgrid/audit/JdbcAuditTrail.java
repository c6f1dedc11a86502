package org.govgrid.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Inserts audit rows. The client IP is the request's remote address, which Tomcat's
 * RemoteIpValve rewrites from {@code X-Forwarded-For} only for trusted proxies.
 */
@Component
class JdbcAuditTrail implements AuditTrail {

	private static final int DETAIL_MAX = 2000;

	private final JdbcTemplate jdbc;

	JdbcAuditTrail(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(AuditRecord record) {
		Long userId = null;
		String username = null;
		if (record.actor() != null) {
			userId = record.actor().userId();
			username = record.actor().username();
		}
		else {
			ScopedPrincipal principal = CurrentUser.find().orElse(null);
			if (principal != null) {
				userId = principal.userId();
				username = principal.username();
			}
		}
		this.jdbc.update("""
				insert into audit_log (user_id, username, client_ip, action, object_type, object_id, outcome, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", userId, truncate(username, 64), clientIp(), record.action(),
				record.objectType(), truncate(record.objectId(), 64), record.outcome().name(),
				truncate(record.detail(), DETAIL_MAX));
	}

	private static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
