package org.govgrid.ops;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Restores a chain (a full backup and the WAL of the incrementals after it) into a
 * scratch directory, starts a second PostgreSQL from the same binaries on a free port,
 * lets it replay to the chain's restore point or to a point in time, and reads the
 * checksums of its tables; the server and the scratch directory are gone afterwards.
 */
final class RestoreDrill {

	private static final DateTimeFormatter TARGET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS'+00'")
		.withZone(ZoneOffset.UTC);

	private final Path binaries;

	private final Path scratch;

	private final int timeoutSeconds;

	/**
	 * @param binaries the folder holding {@code pg_ctl} and {@code postgres}
	 * @param scratch an empty folder to restore into, deleted at the end
	 */
	RestoreDrill(Path binaries, Path scratch, int timeoutSeconds) {
		this.binaries = binaries;
		this.scratch = scratch;
		this.timeoutSeconds = timeoutSeconds;
	}

	/**
	 * Prepares {@code target} as a data directory that recovers from the chain's WAL.
	 * @param chain the backups' folders, the full one first
	 * @param restorePoint where to stop, unless {@code until} is given
	 */
	static void prepare(List<Path> chain, Path target, String restorePoint, Instant until) throws IOException {
		Path data = target.resolve("data");
		Path wal = target.resolve("wal");
		copyTree(chain.get(0).resolve("data"), data);
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		for (Path backup : chain) {
			copyTree(backup.resolve("wal"), wal);
		}
		Files.createDirectories(data.resolve("pg_wal"));
		Files.writeString(data.resolve("recovery.signal"), "");
		// the setting takes PostgreSQL's own timestamp format, not ISO 8601's 'T' and 'Z'
		String target2 = (until != null) ? "recovery_target_time = '" + TARGET_TIME.format(until) + "'"
				: "recovery_target_name = '" + restorePoint + "'";
		Files.writeString(data.resolve("postgresql.auto.conf"), """

				# restore (govgrid ops)
				restore_command = 'cp "%s/%%f" "%%p"'
				%s
				recovery_target_action = 'promote'
				archive_mode = 'off'
				""".formatted(wal.toAbsolutePath(), target2), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

	/**
	 * Starts the restored copy, waits for recovery to end and returns its table
	 * checksums.
	 */
	Map<String, String> replayAndSum() throws IOException, SQLException, InterruptedException {
		Path data = this.scratch.resolve("data");
		int port = freePort();
		// hot_standby off: no read-only phase, so no check of connection limits against
		// the primary's; pg_ctl then returns as soon as recovery starts, and the copy
		// refuses connections until it has promoted
		try {
			pgCtl(List.of("-D", data.toString(), "-l", this.scratch.resolve("postgres.log").toString(), "-o",
					"-p " + port + " -c listen_addresses=localhost -c unix_socket_directories='' -c hot_standby=off"
					// a scratch copy: nothing to keep through a crash
							+ " -c fsync=off",
					"-w", "-t", Integer.toString(this.timeoutSeconds), "start"));
			long deadline = System.currentTimeMillis() + this.timeoutSeconds * 1000L;
			try (Connection connection = connect(port, deadline)) {
				while (inRecovery(connection)) {
					if (System.currentTimeMillis() > deadline) {
						throw new IOException("recovery did not end within " + this.timeoutSeconds + " s");
					}
					Thread.sleep(200);
				}
				// in a transaction, so that the rows stream through a cursor
				connection.setAutoCommit(false);
				return TableChecksums.compute(connection, TableChecksums.tables(connection));
			}
		}
		catch (IOException | SQLException ex) {
			throw new IOException(ex.getMessage() + logTail(), ex);
		}
		finally {
			stopQuietly(data);
		}
	}

	/**
	 * Connects once the copy accepts connections: pg_ctl may return while it still
	 * replays.
	 */
	private static Connection connect(int port, long deadline) throws SQLException, InterruptedException {
		while (true) {
			try {
				return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
			}
			catch (SQLException ex) {
				if (System.currentTimeMillis() > deadline) {
					throw ex;
				}
				Thread.sleep(200);
			}
		}
	}

	/** Stops the copy if it still runs; a failure here must not hide the drill's own. */
	private void stopQuietly(Path data) throws InterruptedException {
		if (!Files.exists(data.resolve("postmaster.pid"))) {
			return;
		}
		try {
			pgCtl(List.of("-D", data.toString(), "-m", "immediate", "-w", "stop"));
		}
		catch (IOException ex) {
			// the server is gone already
		}
	}

	private static boolean inRecovery(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("select pg_is_in_recovery()")) {
			row.next();
			return row.getBoolean(1);
		}
	}

	private void pgCtl(List<String> arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		if ("root".equals(System.getProperty("user.name"))) {
			// PostgreSQL refuses to run as root; like the embedded server, run it
			// unmapped
			command.addAll(List.of("unshare", "-U"));
		}
		command.add(this.binaries.resolve("pg_ctl").toString());
		command.addAll(arguments);
		Path output = this.scratch.resolve("pg_ctl.out");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
		if (!process.waitFor(this.timeoutSeconds + 10L, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IOException("pg_ctl did not finish");
		}
		if (process.exitValue() != 0) {
			throw new IOException(
					"pg_ctl " + arguments.get(arguments.size() - 1) + " failed: " + Files.readString(output).strip());
		}
	}

	private String logTail() {
		try {
			List<String> lines = Files.readAllLines(this.scratch.resolve("postgres.log"));
			return " — log: " + String.join(" / ", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void copyTree(Path source, Path target) throws IOException {
		if (!Files.isDirectory(source)) {
			return;
		}
		try (var walk = Files.walk(source)) {
			for (Path path : walk.toList()) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy);
				}
			}
		}
	}

}
