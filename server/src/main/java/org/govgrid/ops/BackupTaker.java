package org.govgrid.ops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.govgrid.ops.Manifest.FileEntry;

/**
 * Writes one backup into {@code <backup dir>/<id>}: a full one copies the data directory
 * between {@code pg_backup_start} and {@code pg_backup_stop} on one held connection
 * (non-exclusive, so the platform keeps running), then both kinds close their WAL with a
 * restore point and a forced switch and copy their segments from the archive.
 */
final class BackupTaker {

	private static final long ARCHIVE_WAIT_MILLIS = 60_000;

	private final DataSource dataSource;

	private final WalArchive archive;

	BackupTaker(DataSource dataSource, WalArchive archive) {
		this.dataSource = dataSource;
		this.archive = archive;
	}

	/**
	 * The state a backup ends with: a restore point, its WAL segment and the checksums.
	 */
	record EndMark(String restorePoint, String lsn, Instant at, String segment, Map<String, String> tables) {
	}

	Manifest full(long id, Path folder) throws IOException, SQLException, InterruptedException {
		List<FileEntry> files = new ArrayList<>();
		String startLsn;
		String walFrom;
		String stopLsn;
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(true);
			startLsn = text(connection, "select pg_backup_start(?, true)::text", "govgrid-" + id);
			try {
				walFrom = text(connection, "select pg_walfile_name(?::pg_lsn)", startLsn);
				Path dataDir = Path.of(text(connection, "select current_setting('data_directory')"));
				Path data = folder.resolve("data");
				files.addAll(BackupFiles.copyDataDirectory(dataDir, data, folder));
				try (Statement statement = connection.createStatement();
						ResultSet stop = statement
							.executeQuery("select lsn::text, labelfile, spcmapfile from pg_backup_stop(true)")) {
					stop.next();
					stopLsn = stop.getString(1);
					files.add(BackupFiles.write(data.resolve("backup_label"),
							stop.getString(2).getBytes(StandardCharsets.UTF_8), folder));
					String map = stop.getString(3);
					if (map != null && !map.isBlank()) {
						files.add(BackupFiles.write(data.resolve("tablespace_map"),
								map.getBytes(StandardCharsets.UTF_8), folder));
					}
				}
			}
			catch (IOException | SQLException | RuntimeException ex) {
				abortBackup(connection);
				throw ex;
			}
		}
		EndMark end = markEnd(id);
		files.addAll(copyWal(walFrom, end.segment(), folder));
		return new Manifest("FULL", version(), startLsn, stopLsn, walFrom, end.segment(), end.restorePoint(), end.lsn(),
				end.at(), files, end.tables());
	}

	Manifest incremental(long id, String afterSegment, Path folder)
			throws IOException, SQLException, InterruptedException {
		EndMark end = markEnd(id);
		String walFrom = WalArchive.next(afterSegment);
		List<String> missing = this.archive.missing(walFrom, end.segment());
		if (!missing.isEmpty()) {
			throw new IOException("WAL gap: " + String.join(", ", missing) + " missing from the archive");
		}
		List<FileEntry> files = copyWal(walFrom, end.segment(), folder);
		return new Manifest("INCREMENTAL", version(), null, end.lsn(), walFrom, end.segment(), end.restorePoint(),
				end.lsn(), end.at(), files, end.tables());
	}

	/**
	 * Marks the state a backup ends with: a snapshot whose checksums are recorded and a
	 * restore point exactly at it, so that replaying to the point gives exactly the rows
	 * that were summed. Writes to the public tables are held back (SHARE locks on a
	 * second connection) only for the instant the snapshot and the point are taken; the
	 * tables are then summed from that snapshot while the platform writes on.
	 */
	EndMark markEnd(long id) throws SQLException, IOException, InterruptedException {
		SQLException last = null;
		for (int attempt = 0; attempt < 5; attempt++) {
			// recovery stops at the first point of a name: a retry writes a new one
			String restorePoint = "govgrid-backup-" + id + ((attempt == 0) ? "" : "-" + attempt);
			try (Connection locker = this.dataSource.getConnection();
					Connection reader = this.dataSource.getConnection()) {
				locker.setAutoCommit(false);
				reader.setAutoCommit(false);
				try {
					List<String> tables = TableChecksums.tables(locker);
					TableChecksums.lock(locker, tables);
					try (Statement statement = reader.createStatement()) {
						statement.execute("set transaction isolation level repeatable read, read only");
						// summing a big table takes longer than a request may (the
						// platform's statement_timeout, 15 s by default)
						statement.execute("set local statement_timeout = 0");
					}
					// the first query fixes the reader's snapshot; no writer of these
					// tables can commit before the point is written
					String lsn;
					Instant at;
					try (PreparedStatement point = reader
						.prepareStatement("select pg_create_restore_point(?)::text, statement_timestamp()")) {
						point.setString(1, restorePoint);
						try (ResultSet row = point.executeQuery()) {
							row.next();
							lsn = row.getString(1);
							at = row.getTimestamp(2).toInstant();
						}
					}
					locker.commit();
					String segment = text(locker, "select pg_walfile_name(pg_switch_wal())");
					locker.commit();
					Map<String, String> checksums = TableChecksums.compute(reader, tables);
					reader.commit();
					this.archive.awaitArchived(segment, ARCHIVE_WAIT_MILLIS);
					return new EndMark(restorePoint, lsn, at, segment, checksums);
				}
				catch (SQLException ex) {
					// a lock timeout, or a deadlock with a writer that this side gave way
					// to: try again
					locker.rollback();
					reader.rollback();
					last = ex;
					Thread.sleep(200L * (attempt + 1));
				}
			}
		}
		throw last;
	}

	private List<FileEntry> copyWal(String from, String to, Path folder) throws IOException {
		List<FileEntry> files = new ArrayList<>();
		for (String segment : WalArchive.range(from, to)) {
			Path source = this.archive.file(segment);
			if (!Files.isRegularFile(source)) {
				throw new IOException("WAL gap: " + segment + " missing from the archive");
			}
			files.add(BackupFiles.copy(source, folder.resolve("wal").resolve(segment), folder));
		}
		return files;
	}

	private String version() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return text(connection, "select current_setting('server_version')");
		}
	}

	private static void abortBackup(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("select pg_backup_stop(false)");
		}
		catch (SQLException ignored) {
			// the session ends with the connection's return, which aborts the backup too
		}
	}

	private static String text(Connection connection, String sql, String... params) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				statement.setString(i + 1, params[i]);
			}
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return row.getString(1);
			}
		}
	}

}
