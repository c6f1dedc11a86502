package org.govgrid.messaging;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications: the only way other modules notify users. Rows are written in the
 * caller's transaction and the push to open consoles is a PostgreSQL NOTIFY in the same
 * transaction, which the database delivers only on commit: a command that rolls back
 * leaves neither a row nor a toast behind.
 */
@Service
public class Notifications {

	private static final String INSERT = """
			insert into notification (user_id, kind, title, body, link, subject_type, subject_id)
			values (?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcTemplate jdbc;

	Notifications(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One notification per distinct recipient. Joins the caller's transaction (or runs in
	 * its own when there is none). Recipients must be existing users.
	 */
	@Transactional
	public void send(Collection<Long> userIds, Notice notice) {
		Objects.requireNonNull(notice, "notice");
		List<Long> recipients = new ArrayList<>(new LinkedHashSet<>(userIds));
		if (recipients.contains(null)) {
			throw new IllegalArgumentException("a recipient id is null");
		}
		if (recipients.isEmpty()) {
			return;
		}
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.batchUpdate(con -> con.prepareStatement(INSERT, new String[] { "id" }),
				new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement ps, int i) throws SQLException {
						ps.setLong(1, recipients.get(i));
						ps.setString(2, notice.kind());
						ps.setString(3, notice.title());
						ps.setString(4, notice.body());
						ps.setString(5, notice.link());
						ps.setString(6, notice.subjectType());
						if (notice.subjectId() == null) {
							ps.setNull(7, Types.BIGINT);
						}
						else {
							ps.setLong(7, notice.subjectId());
						}
					}

					@Override
					public int getBatchSize() {
						return recipients.size();
					}

				}, keys);
		List<Long> ids = keys.getKeyList().stream().map(row -> ((Number) row.get("id")).longValue()).toList();
		for (String payload : NotifyPayload.encode(ids)) {
			this.jdbc.query("select pg_notify(?, ?)", (ResultSetExtractor<Void>) rs -> null, NotifyPayload.CHANNEL,
					payload);
		}
	}

	/**
	 * Marks the user's notifications about one subject read, when the subject itself was
	 * opened (a notice read on its own page); in the caller's transaction.
	 */
	@Transactional
	public void markRead(long userId, String subjectType, long subjectId) {
		this.jdbc.update("""
				update notification set read_at = now()
				where user_id = ? and subject_type = ? and subject_id = ? and read_at is null""", userId, subjectType,
				subjectId);
	}

}
