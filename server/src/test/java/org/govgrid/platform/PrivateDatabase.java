package org.govgrid.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL of one test's own (the zonky binaries the platform embeds), on a fixed
 * port and data directory, that the test may kill like a crashed server and start again:
 * never the database the rest of the suite shares.
 */
final class PrivateDatabase implements AutoCloseable {

	private final Path dir;

	private final int port;

	private volatile EmbeddedPostgres postgres;

	PrivateDatabase(String name) {
		this.dir = Path.of("target", name).toAbsolutePath().normalize();
		this.port = freePort();
		FileSystemUtils.deleteRecursively(this.dir.toFile());
	}

	String url() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres";
	}

	boolean running() {
		return this.postgres != null;
	}

	/** Starts it on the same port and data (after a kill: crash recovery first). */
	synchronized void start() {
		if (this.postgres != null) {
			return;
		}
		try {
			Files.createDirectories(this.dir);
			this.postgres = EmbeddedPostgres.builder()
				.setDataDirectory(this.dir)
				.setCleanDataDirectory(false)
				.setPort(this.port)
				.setServerConfig("max_connections", "100")
				.setServerConfig("timezone", "UTC")
				// durable as a production embedded database is: an acknowledged commit
				// survives the kill
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setRegisterShutdownHook(false)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Kills the postmaster the way {@code pg_ctl stop -m immediate} does (SIGQUIT): every
	 * connection drops at once, nothing is flushed but what was committed, and the next
	 * start runs crash recovery. Returns when the process is gone.
	 */
	synchronized void kill() throws IOException, InterruptedException {
		long pid = Long.parseLong(Files.readAllLines(this.dir.resolve("postmaster.pid")).get(0).strip());
		Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
		if (kill.waitFor() != 0) {
			throw new IllegalStateException("kill -QUIT " + pid + " failed");
		}
		ProcessHandle postmaster = ProcessHandle.of(pid).orElse(null);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (postmaster != null && postmaster.isAlive() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		// releases the data directory's lock so that start() may take it again; its own
		// stop finds nothing left to stop
		EmbeddedPostgres dead = this.postgres;
		this.postgres = null;
		dead.close();
	}

	@Override
	public synchronized void close() throws IOException {
		if (this.postgres != null) {
			this.postgres.close();
			this.postgres = null;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
