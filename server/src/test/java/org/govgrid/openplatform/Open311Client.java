package org.govgrid.openplatform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Code for America's Open311 client for Node (npm {@code open311} 0.0.12, not written
 * here), driven by {@code src/test/open311-client/check.js}. Its two XML helpers are
 * stand-ins (one is published only as a git repository, the other needs a native build);
 * the check uses the client's JSON format. Needs {@code node} and
 * {@code npm ci --ignore-scripts} in that folder (.ci/run does it): without them the test
 * is skipped loudly on a laptop and fails in CI ({@code CI=true} or
 * {@code GOVGRID_OPEN311_CLIENT_REQUIRED=true}).
 */
final class Open311Client {

	static final Path DIRECTORY = Path.of("src/test/open311-client");

	private Open311Client() {
	}

	/** Runs the check with these arguments; its one line of JSON. */
	static JsonNode run(String... arguments) {
		requireInstalled();
		List<String> command = new ArrayList<>(List.of("node", "check.js"));
		command.addAll(List.of(arguments));
		try {
			Process process = new ProcessBuilder(command).directory(DIRECTORY.toFile()).start();
			process.getOutputStream().close();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("the Open311 client did not finish in 60 s");
			}
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new AssertionError("the Open311 client failed (" + process.exitValue() + "): " + err + out);
			}
			return JsonMapper.builder().build().readTree(out);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void requireInstalled() {
		boolean installed = Files.isRegularFile(DIRECTORY.resolve("node_modules/open311/open311.js")) && nodeRuns();
		if (installed) {
			return;
		}
		String message = "The Open311 client is not installed: run `npm ci --ignore-scripts` in server/" + DIRECTORY
				+ " (needs node)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))
				|| "true".equalsIgnoreCase(System.getenv("GOVGRID_OPEN311_CLIENT_REQUIRED"))) {
			throw new AssertionError(message);
		}
		System.err.println("SKIPPED (not in CI): " + message);
		Assumptions.abort(message);
	}

	private static boolean nodeRuns() {
		try {
			Process process = new ProcessBuilder("node", "--version").start();
			return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
