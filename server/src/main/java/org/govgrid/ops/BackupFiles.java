package org.govgrid.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.govgrid.ops.Manifest.FileEntry;

/** Copies files while hashing them, and checks a copy against its manifest. */
final class BackupFiles {

	/**
	 * What a base backup leaves out (PostgreSQL docs, "Making a Base Backup Using the Low
	 * Level API"): the WAL, which comes from the archive, and what the server rebuilds.
	 */
	private static final Set<String> SKIPPED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
			"pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

	private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "pg_internal.init",
			"backup_label", "tablespace_map", "epg-lock");

	private BackupFiles() {
	}

	/**
	 * Copies the live data directory into {@code target}, keeping skipped folders empty.
	 */
	static List<FileEntry> copyDataDirectory(Path source, Path target, Path base) throws IOException {
		List<FileEntry> entries = new ArrayList<>();
		List<Path> paths;
		try (var walk = Files.walk(source)) {
			paths = walk.toList();
		}
		for (Path path : paths) {
			Path relative = source.relativize(path);
			if (relative.toString().isEmpty()) {
				continue;
			}
			String top = relative.getName(0).toString();
			String name = path.getFileName().toString();
			Path copy = target.resolve(relative.toString());
			if (Files.isDirectory(path)) {
				if (relative.getNameCount() == 1 || !SKIPPED_DIRS.contains(top)) {
					Files.createDirectories(copy);
				}
				continue;
			}
			if (SKIPPED_DIRS.contains(top) || SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
				continue;
			}
			try {
				entries.add(copy(path, copy, base));
			}
			catch (NoSuchFileException dropped) {
				// a file removed while copying (a dropped table, a finished temp file):
				// WAL
				// replay recreates whatever the end state needs
			}
		}
		return entries;
	}

	static FileEntry copy(Path source, Path target, Path base) throws IOException {
		Files.createDirectories(target.getParent());
		MessageDigest digest = sha256();
		long size;
		try (InputStream in = new DigestInputStream(Files.newInputStream(source), digest);
				OutputStream out = Files.newOutputStream(target)) {
			size = in.transferTo(out);
		}
		return new FileEntry(base.relativize(target).toString(), size, HexFormat.of().formatHex(digest.digest()));
	}

	static FileEntry write(Path target, byte[] content, Path base) throws IOException {
		Files.createDirectories(target.getParent());
		Files.write(target, content);
		return new FileEntry(base.relativize(target).toString(), content.length,
				HexFormat.of().formatHex(sha256().digest(content)));
	}

	/** Every file of the manifest that is missing, of another size or of another hash. */
	static List<String> problems(Path base, Manifest manifest) throws IOException {
		List<String> problems = new ArrayList<>();
		for (FileEntry entry : manifest.files()) {
			Path file = base.resolve(entry.path());
			if (!Files.isRegularFile(file)) {
				problems.add(entry.path() + ": missing");
				continue;
			}
			MessageDigest digest = sha256();
			long size;
			try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
				size = in.transferTo(OutputStream.nullOutputStream());
			}
			if (size != entry.size()) {
				problems.add(entry.path() + ": size " + size + " instead of " + entry.size());
			}
			else if (!HexFormat.of().formatHex(digest.digest()).equals(entry.sha256())) {
				problems.add(entry.path() + ": sha256 mismatch");
			}
		}
		return problems;
	}

	static void deleteTree(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (var paths = Files.walk(dir)) {
			for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
