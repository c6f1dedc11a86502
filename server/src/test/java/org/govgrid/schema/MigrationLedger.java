package org.govgrid.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The migrations that have landed on main (the ledger file, one line each, in version
 * order) held against the migration files of this tree (ADR 0008). Flyway refuses to
 * start on a database whose highest applied version is above a new file's, and it rejects
 * a changed checksum: both would stop a city's upgrade, so both fail the build.
 */
final class MigrationLedger {

	private static final Pattern FILE = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

	record Entry(BigInteger version, String file, String sha256) {

		String line() {
			return this.version + "\t" + this.file + "\t" + this.sha256;
		}

	}

	private final List<Entry> entries;

	private MigrationLedger(List<Entry> entries) {
		this.entries = entries;
	}

	static MigrationLedger parse(List<String> lines) {
		List<Entry> entries = new ArrayList<>();
		for (String line : lines) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split("\t");
			if (parts.length != 3) {
				throw new IllegalArgumentException(
						"A ledger line is version, file and SHA-256, tab-separated: " + line);
			}
			entries.add(new Entry(new BigInteger(parts[0]), parts[1], parts[2]));
		}
		return new MigrationLedger(entries);
	}

	static MigrationLedger read(Path file) {
		try {
			return parse(Files.readAllLines(file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The migration files of a directory by name, each with the SHA-256 of its text. */
	static Map<String, String> filesIn(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			Map<String, String> hashes = new TreeMap<>();
			files.filter(Files::isRegularFile).forEach(file -> hashes.put(file.getFileName().toString(), sha256(file)));
			return hashes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Line endings do not count: a Windows checkout hashes the same. */
	static String sha256(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r", "");
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static BigInteger versionOf(String file) {
		Matcher matcher = FILE.matcher(file);
		if (!matcher.matches()) {
			return null;
		}
		// Flyway reads V1_1 and V1.1 alike; the ledger keeps whole numbers only (ADR
		// 0008)
		String version = matcher.group(1);
		return version.matches("\\d+") ? new BigInteger(version) : BigInteger.valueOf(-1);
	}

	/**
	 * What is wrong, one sentence each, telling the developer what to do; empty when all
	 * holds.
	 */
	List<String> problems(Map<String, String> files) {
		List<String> problems = new ArrayList<>();
		BigInteger highest = BigInteger.ZERO;
		Map<String, Entry> byFile = new TreeMap<>();
		for (Entry entry : this.entries) {
			if (entry.version().compareTo(highest) <= 0) {
				problems.add("Ledger line " + entry.line() + " is not above V" + highest
						+ ", the line before it: the ledger only grows, in version order.");
			}
			highest = highest.max(entry.version());
			byFile.put(entry.file(), entry);
			if (!entry.version().equals(versionOf(entry.file()))) {
				problems.add("Ledger line " + entry.line() + " names a file of another version.");
			}
			String hash = files.get(entry.file());
			if (hash == null) {
				problems.add(entry.file() + " has landed on main and was removed or renamed: databases have applied it,"
						+ " so it must stay as it is.");
			}
			else if (!hash.equals(entry.sha256())) {
				problems.add(entry.file() + " has landed on main and was changed: databases have applied the old text."
						+ " Put the change in a new migration instead.");
			}
		}
		BigInteger next = highest;
		for (Map.Entry<String, String> file : files.entrySet()) {
			if (byFile.containsKey(file.getKey())) {
				continue;
			}
			BigInteger version = versionOf(file.getKey());
			if (version == null) {
				problems.add(file.getKey() + " is not a versioned migration named V<number>__<what it does>.sql.");
			}
			else if (version.signum() < 0) {
				problems.add(file.getKey() + ": migration versions are whole numbers (V26, not V25_1 or V25.1).");
			}
			else if (version.compareTo(highest) <= 0) {
				next = next.add(BigInteger.ONE);
				problems.add(file.getKey() + " is not above V" + highest + ", the highest migration on main:"
						+ " an upgraded database would refuse to start. Take the next free number, V" + next
						+ " (gaps are never filled).");
			}
			else {
				problems.add(file.getKey() + " is new: append this line to the ledger"
						+ " (server/src/test/resources/db/migration-ledger.txt): "
						+ new Entry(version, file.getKey(), file.getValue()).line().replace("\t", "<TAB>"));
			}
		}
		return problems;
	}

}
