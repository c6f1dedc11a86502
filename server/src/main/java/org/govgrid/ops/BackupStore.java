package org.govgrid.ops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The rows of {@code ops_backup} and {@code ops_drill}. */
@Component
class BackupStore {

	private static final String BACKUP = """
			select id, type, status, started_at, finished_at, size_bytes, verified, start_lsn, end_lsn, wal_from,
			       wal_to, parent_id, error, manifest::text as manifest from ops_backup""";

	private static final String DRILL = """
			select id, backup_id, status, until, started_at, finished_at, tables::text as tables, error from ops_drill""";

	private final JdbcClient jdbc;

	BackupStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record BackupRow(long id, String type, String status, Instant startedAt, Instant finishedAt, long sizeBytes,
			boolean verified, String startLsn, String endLsn, String walFrom, String walTo, Long parentId, String error,
			String manifest) {

		boolean done() {
			return "DONE".equals(this.status);
		}

	}

	record DrillRow(long id, long backupId, String status, Instant until, Instant startedAt, Instant finishedAt,
			String tables, String error) {
	}

	long insertBackup(String type, Instant now) {
		return this.jdbc
			.sql("insert into ops_backup (type, status, started_at) values (:type, 'RUNNING', :now) returning id")
			.param("type", type)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void finishBackup(long id, String status, Instant now, Manifest manifest, String manifestJson, Long parentId,
			boolean verified, String error) {
		this.jdbc.sql("""
				update ops_backup set status = :status, finished_at = :now, size_bytes = :size, verified = :verified,
				       start_lsn = :startLsn, end_lsn = :endLsn, wal_from = :walFrom, wal_to = :walTo,
				       parent_id = :parentId, error = :error, manifest = cast(:manifest as jsonb)
				where id = :id""")
			.param("id", id)
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("size", manifest == null ? 0L : manifest.sizeBytes())
			.param("verified", verified)
			.param("startLsn", manifest == null ? null : manifest.startLsn())
			.param("endLsn", manifest == null ? null : manifest.endLsn())
			.param("walFrom", manifest == null ? null : manifest.walFrom())
			.param("walTo", manifest == null ? null : manifest.walTo())
			.param("parentId", parentId)
			.param("error", error)
			.param("manifest", manifestJson)
			.update();
	}

	void markVerified(long id, boolean verified, String error) {
		this.jdbc
			.sql("update ops_backup set verified = :verified, error = :error,"
					+ " status = case when :verified then status else 'FAILED' end where id = :id")
			.param("id", id)
			.param("verified", verified)
			.param("error", error)
			.update();
	}

	Optional<BackupRow> backup(long id) {
		return this.jdbc.sql(BACKUP + " where id = :id").param("id", id).query(BackupStore::backupRow).optional();
	}

	List<BackupRow> backups(int limit) {
		return this.jdbc.sql(BACKUP + " order by id desc limit :limit")
			.param("limit", limit)
			.query(BackupStore::backupRow)
			.list();
	}

	/** The newest good backup: where the next incremental continues. */
	Optional<BackupRow> lastDone() {
		return this.jdbc.sql(BACKUP + " where status = 'DONE' order by id desc limit 1")
			.query(BackupStore::backupRow)
			.optional();
	}

	boolean anyRunning() {
		return this.jdbc.sql("select exists (select 1 from ops_backup where status = 'RUNNING')")
			.query(Boolean.class)
			.single();
	}

	/** Running rows left by a stopped application never finish: they failed. */
	void failAbandoned(Instant now) {
		this.jdbc
			.sql("update ops_backup set status = 'FAILED', finished_at = :now, error = 'interrupted'"
					+ " where status = 'RUNNING'")
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc
			.sql("update ops_drill set status = 'FAILED', finished_at = :now, error = 'interrupted'"
					+ " where status = 'RUNNING'")
			.param("now", Timestamp.from(now))
			.update();
	}

	void deleteBackup(long id) {
		this.jdbc.sql("update ops_backup set parent_id = null where parent_id = :id").param("id", id).update();
		this.jdbc.sql("delete from ops_backup where id = :id").param("id", id).update();
	}

	long insertDrill(long backupId, Instant until, Instant now) {
		return this.jdbc.sql("""
				insert into ops_drill (backup_id, status, until, started_at)
				values (:backupId, 'RUNNING', :until, :now) returning id""")
			.param("backupId", backupId)
			.param("until", until == null ? null : Timestamp.from(until))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	void finishDrill(long id, String status, Instant now, String tablesJson, String error) {
		this.jdbc.sql("""
				update ops_drill set status = :status, finished_at = :now, tables = cast(:tables as jsonb),
				       error = :error where id = :id""")
			.param("id", id)
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("tables", tablesJson)
			.param("error", error)
			.update();
	}

	Optional<DrillRow> drill(long id) {
		return this.jdbc.sql(DRILL + " where id = :id").param("id", id).query(BackupStore::drillRow).optional();
	}

	List<DrillRow> drillsOf(long backupId) {
		return this.jdbc.sql(DRILL + " where backup_id = :backupId order by id desc")
			.param("backupId", backupId)
			.query(BackupStore::drillRow)
			.list();
	}

	private static BackupRow backupRow(ResultSet rs, int n) throws SQLException {
		Long parent = rs.getObject("parent_id", Long.class);
		return new BackupRow(rs.getLong("id"), rs.getString("type"), rs.getString("status"), instant(rs, "started_at"),
				instant(rs, "finished_at"), rs.getLong("size_bytes"), rs.getBoolean("verified"),
				rs.getString("start_lsn"), rs.getString("end_lsn"), rs.getString("wal_from"), rs.getString("wal_to"),
				parent, rs.getString("error"), rs.getString("manifest"));
	}

	private static DrillRow drillRow(ResultSet rs, int n) throws SQLException {
		return new DrillRow(rs.getLong("id"), rs.getLong("backup_id"), rs.getString("status"), instant(rs, "until"),
				instant(rs, "started_at"), instant(rs, "finished_at"), rs.getString("tables"), rs.getString("error"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
