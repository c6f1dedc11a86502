package org.govgrid.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import org.govgrid.supervision.model.SupervisionItem;
import org.govgrid.supervision.model.SupervisionState;

/**
 * A supervision item as stored: its lifecycle plus what describes it, under a row
 * version.
 */
record StoredItem(long id, long flowId, long eventId, String eventCode, String eventTitle, String level,
		Instant deadline, String unitKind, long unitId, long townId, String regionPath, long supervisorId,
		String supervisorName, String comment, SupervisionState state, Instant createdAt, Instant answeredAt,
		Instant closedAt, Long closedBy, String closeComment, Instant overdueAt, int version) {

	SupervisionItem lifecycle() {
		return SupervisionItem.restore(this.state, this.deadline, this.answeredAt, this.closedAt, this.overdueAt);
	}

	static StoredItem row(ResultSet rs, int n) throws SQLException {
		return new StoredItem(rs.getLong("id"), rs.getLong("flow_id"), rs.getLong("event_id"),
				rs.getString("event_code"), rs.getString("event_title"), rs.getString("level"), instant(rs, "deadline"),
				rs.getString("unit_kind"), rs.getLong("unit_id"), rs.getLong("town_id"), rs.getString("region_path"),
				rs.getLong("supervisor_id"), rs.getString("supervisor_name"), rs.getString("comment"),
				SupervisionState.valueOf(rs.getString("state")), instant(rs, "created_at"), instant(rs, "answered_at"),
				instant(rs, "closed_at"), rs.getObject("closed_by", Long.class), rs.getString("close_comment"),
				instant(rs, "overdue_at"), rs.getInt("version"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
