package org.govgrid.platform;

import java.nio.file.Path;

/**
 * Where backups and the embedded database's WAL archive live: {@code govgrid.backup.dir}
 * ({@code GOVGRID_BACKUP_DIR}), by default {@code <data dir>/backups}; the archive is its
 * {@code wal} folder.
 */
public final class BackupLocation {

	private BackupLocation() {
	}

	public static Path root(Path dataDir, String backupDir) {
		Path root = (backupDir == null || backupDir.isBlank()) ? dataDir.resolve("backups") : Path.of(backupDir);
		return root.toAbsolutePath().normalize();
	}

}
