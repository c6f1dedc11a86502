package org.govgrid.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** One audit row as stored, including its place in the chain. */
record AuditRow(long id, Instant occurredAt, Long userId, String username, String clientIp, String action,
		String objectType, String objectId, String outcome, String detail, Long seq, String prevHash, String hash) {

	static final String COLUMNS = "id, occurred_at, user_id, username, client_ip, action, object_type, object_id, "
			+ "outcome, detail, seq, prev_hash, hash";

	static AuditRow map(ResultSet rs, int rowNum) throws SQLException {
		return new AuditRow(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				(Long) rs.getObject("user_id", Long.class), rs.getString("username"), rs.getString("client_ip"),
				rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"), rs.getString("outcome"),
				rs.getString("detail"), (Long) rs.getObject("seq", Long.class), rs.getString("prev_hash"),
				rs.getString("hash"));
	}

}
