package org.govgrid.iot;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * A private Mosquitto broker for one test class: Debian's {@code mosquitto} on a free
 * local port with a temporary configuration, stopped afterwards. Without the binary the
 * test is skipped with a message on a laptop and fails in CI ({@code CI=true} or
 * {@code GOVGRID_MQTT_REQUIRED=true}, which {@code .ci/run} sets).
 */
final class Mosquitto implements AutoCloseable {

	private final Process process;

	private final Path dir;

	private final int port;

	private Mosquitto(Process process, Path dir, int port) {
		this.process = process;
		this.dir = dir;
		this.port = port;
	}

	static Mosquitto start() throws IOException, InterruptedException {
		Path binary = Stream.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto", "/usr/local/sbin/mosquitto")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
		if (binary == null) {
			String why = "mosquitto is not installed (apt-get install mosquitto): the MQTT test cannot run";
			if ("true".equalsIgnoreCase(System.getenv("CI"))
					|| "true".equalsIgnoreCase(System.getenv("GOVGRID_MQTT_REQUIRED"))) {
				fail(why);
			}
			System.err.println("SKIPPED: " + why);
			Assumptions.abort(why);
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path dir = Files.createTempDirectory("govgrid-mosquitto");
		Path conf = dir.resolve("mosquitto.conf");
		Files.writeString(conf, """
				listener %d 127.0.0.1
				allow_anonymous true
				persistence false
				log_dest stdout
				""".formatted(port));
		Process process = new ProcessBuilder(binary.toString(), "-c", conf.toString()).redirectErrorStream(true)
			.redirectOutput(dir.resolve("mosquitto.log").toFile())
			.start();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			try (Socket probe = new Socket("127.0.0.1", port)) {
				return new Mosquitto(process, dir, port);
			}
			catch (IOException notYet) {
				if (!process.isAlive()) {
					break;
				}
				Thread.sleep(100);
			}
		}
		process.destroyForcibly();
		throw new IllegalStateException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.log")));
	}

	String url() {
		return "tcp://127.0.0.1:" + this.port;
	}

	@Override
	public void close() throws Exception {
		this.process.destroy();
		if (!this.process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		try (Stream<Path> files = Files.list(this.dir)) {
			files.forEach(f -> f.toFile().delete());
		}
		Files.deleteIfExists(this.dir);
	}

}
