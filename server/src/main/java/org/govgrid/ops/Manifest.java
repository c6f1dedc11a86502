package org.govgrid.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written next to it as {@code manifest.json} and kept in
 * {@code ops_backup.manifest}: every file with its size and SHA-256 (paths relative to
 * the backup's folder), the LSNs and WAL range, the PostgreSQL version, the restore point
 * that marks its end state ({@code markLsn}, {@code markAt}: where and when the snapshot
 * was taken) and the table checksums of that snapshot.
 */
record Manifest(String type, String postgresVersion, String startLsn, String endLsn, String walFrom, String walTo,
		String restorePoint, String markLsn, Instant markAt, List<FileEntry> files, Map<String, String> tables) {

	record FileEntry(String path, long size, String sha256) {
	}

	long sizeBytes() {
		return this.files.stream().mapToLong(FileEntry::size).sum();
	}

}
