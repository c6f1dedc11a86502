package org.govgrid.notice;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.govgrid.notice.model.NoticeLifecycle;
import org.govgrid.notice.model.NoticeStatus;
import org.govgrid.platform.ScopedPrincipal;

/** A notice row as stored, and who may manage it. */
record StoredNotice(long id, String title, String body, NoticeStatus status, long authorId, String scopePath,
		List<String> roleCodes, Instant publishedAt, Instant withdrawnAt, Instant createdAt, Instant updatedAt,
		int version) {

	static final String MANAGE = "notice:notice:manage";

	NoticeLifecycle lifecycle() {
		return NoticeLifecycle.of(this.status, this.publishedAt, this.withdrawnAt);
	}

	/**
	 * Managers are the holders of {@code notice:notice:manage} whose scope covers the
	 * author's.
	 */
	boolean isManagedBy(ScopedPrincipal caller) {
		return caller.can(MANAGE) && caller.scope().covers(this.scopePath);
	}

	static StoredNotice row(ResultSet rs, int n) throws SQLException {
		Array roles = rs.getArray("role_codes");
		return new StoredNotice(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
				NoticeStatus.valueOf(rs.getString("status")), rs.getLong("author_id"), rs.getString("scope_path"),
				roles == null ? List.of() : List.of((String[]) roles.getArray()), instant(rs, "published_at"),
				instant(rs, "withdrawn_at"), instant(rs, "created_at"), instant(rs, "updated_at"),
				rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
