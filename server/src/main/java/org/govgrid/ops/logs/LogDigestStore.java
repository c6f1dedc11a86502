package org.govgrid.ops.logs;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One digest a day ({@code ops_log_digest}). Building again refreshes the content and
 * keeps the review, so a reviewer can tell from {@code builtAt} that it changed since.
 */
@Repository
class LogDigestStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	LogDigestStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Stored(LocalDate date, Instant builtAt, LogDigest digest, Instant reviewedAt, String reviewedBy,
			String reviewComment) {

		boolean reviewed() {
			return this.reviewedAt != null;
		}

	}

	void save(LocalDate date, Instant builtAt, LogDigest digest) {
		this.jdbc
			.sql("""
					insert into ops_log_digest (digest_date, built_at, content) values (:date, :built, cast(:content as jsonb))
					on conflict (digest_date) do update set built_at = excluded.built_at, content = excluded.content""")
			.param("date", Date.valueOf(date))
			.param("built", Timestamp.from(builtAt))
			.param("content", JSON.writeValueAsString(digest))
			.update();
	}

	List<Stored> list(int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from ops_log_digest order by digest_date desc limit :limit")
			.param("limit", limit)
			.query(LogDigestStore::map)
			.list();
	}

	Optional<Stored> find(LocalDate date) {
		return this.jdbc.sql("select " + COLUMNS + " from ops_log_digest where digest_date = :date")
			.param("date", Date.valueOf(date))
			.query(LogDigestStore::map)
			.optional();
	}

	/** Marks a digest reviewed; false when there is none for the date. */
	boolean review(LocalDate date, Instant at, String username, String comment) {
		return this.jdbc.sql("""
				update ops_log_digest set reviewed_at = :at, reviewed_by = :username, review_comment = :comment
				where digest_date = :date""")
			.param("date", Date.valueOf(date))
			.param("at", Timestamp.from(at))
			.param("username", username)
			.param("comment", comment)
			.update() == 1;
	}

	private static final String COLUMNS = "digest_date, built_at, content::text as content, reviewed_at, reviewed_by, "
			+ "review_comment";

	private static Stored map(ResultSet rs, int n) throws SQLException {
		OffsetDateTime reviewed = rs.getObject("reviewed_at", OffsetDateTime.class);
		return new Stored(rs.getDate("digest_date").toLocalDate(),
				rs.getObject("built_at", OffsetDateTime.class).toInstant(),
				JSON.readValue(rs.getString("content"), LogDigest.class),
				(reviewed != null) ? reviewed.toInstant() : null, rs.getString("reviewed_by"),
				rs.getString("review_comment"));
	}

}
