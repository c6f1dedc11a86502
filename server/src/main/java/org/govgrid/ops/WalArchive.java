package org.govgrid.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The continuous WAL archive ({@code <backup dir>/wal}): segment names, ranges and the
 * gaps in them. Names are {@code TTTTTTTTXXXXXXXXYYYYYYYY} (timeline, log, segment) with
 * the default 16 MB segments, so 256 segments make one log.
 */
final class WalArchive {

	private static final Pattern SEGMENT = Pattern.compile("[0-9A-F]{24}");

	private static final long SEGMENTS_PER_LOG = 0x100;

	private final Path dir;

	WalArchive(Path dir) {
		this.dir = dir;
	}

	Path dir() {
		return this.dir;
	}

	Path file(String segment) {
		return this.dir.resolve(segment);
	}

	static boolean isSegment(String name) {
		return SEGMENT.matcher(name).matches();
	}

	/** The segment after {@code name} on the same timeline. */
	static String next(String name) {
		return name(name.substring(0, 8), number(name) + 1);
	}

	/** Every segment name from {@code from} to {@code to}, both included. */
	static List<String> range(String from, String to) {
		if (!from.substring(0, 8).equals(to.substring(0, 8))) {
			throw new IllegalArgumentException("WAL range crosses timelines: " + from + " … " + to);
		}
		List<String> names = new ArrayList<>();
		for (long n = number(from); n <= number(to); n++) {
			names.add(name(from.substring(0, 8), n));
		}
		return names;
	}

	/** The segments of the range missing from the archive: a gap breaks the chain. */
	List<String> missing(String from, String to) {
		return range(from, to).stream().filter((name) -> !Files.isRegularFile(file(name))).toList();
	}

	/**
	 * Deletes what is older than {@code oldestNeeded}: segments, the {@code .backup}
	 * labels the server archives beside them and copies left half-done. Timeline
	 * {@code .history} files stay: they are small and recovery asks for them.
	 * @return the names deleted
	 */
	List<String> pruneBefore(String oldestNeeded) throws IOException {
		if (!isSegment(oldestNeeded)) {
			throw new IllegalArgumentException("not a WAL segment name: " + oldestNeeded);
		}
		List<String> deleted = new ArrayList<>();
		if (!Files.isDirectory(this.dir)) {
			return deleted;
		}
		try (var files = Files.list(this.dir)) {
			for (Path file : files.sorted().toList()) {
				String name = file.getFileName().toString();
				if (name.length() < 24 || !isSegment(name.substring(0, 24)) || name.endsWith(".history")) {
					continue;
				}
				// names sort by timeline, then position: older sorts first
				if (name.substring(0, 24).compareTo(oldestNeeded) < 0 && Files.deleteIfExists(file)) {
					deleted.add(name);
				}
			}
		}
		return deleted;
	}

	/**
	 * Waits until the archiver has copied {@code segment}, or fails after the timeout.
	 */
	void awaitArchived(String segment, long timeoutMillis) throws IOException, InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMillis;
		while (!Files.isRegularFile(file(segment))) {
			if (System.currentTimeMillis() > deadline) {
				throw new IOException("WAL segment " + segment + " was not archived in time");
			}
			Thread.sleep(100);
		}
	}

	private static long number(String name) {
		return Long.parseLong(name.substring(8, 16), 16) * SEGMENTS_PER_LOG + Long.parseLong(name.substring(16), 16);
	}

	private static String name(String timeline, long number) {
		return timeline + String.format("%08X%08X", number / SEGMENTS_PER_LOG, number % SEGMENTS_PER_LOG);
	}

}
