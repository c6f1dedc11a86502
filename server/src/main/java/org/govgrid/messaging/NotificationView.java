package org.govgrid.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One notification as the API and the stream show it; {@code readAt} is null while
 * unread.
 */
record NotificationView(long id, String kind, String title, String body, String link, String subjectType,
		Long subjectId, Instant createdAt, Instant readAt) {

	static final String COLUMNS = "id, kind, title, body, link, subject_type, subject_id, created_at, read_at";

	static NotificationView map(ResultSet rs, int row) throws SQLException {
		return new NotificationView(rs.getLong("id"), rs.getString("kind"), rs.getString("title"), rs.getString("body"),
				rs.getString("link"), rs.getString("subject_type"), rs.getObject("subject_id", Long.class),
				instant(rs, "created_at"), instant(rs, "read_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
