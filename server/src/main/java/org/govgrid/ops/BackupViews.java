package org.govgrid.ops;

import java.time.Instant;
import java.util.List;

/** What the backup API answers. */
final class BackupViews {

	private BackupViews() {
	}

	record Started(long id, String status) {
	}

	/**
	 * A backup; {@code markLsn} and {@code markedAt}: where and when the snapshot its
	 * table checksums come from was taken (the restore point a drill replays to).
	 */
	record BackupView(long id, String type, String status, Instant startedAt, Instant finishedAt, long sizeBytes,
			boolean verified, String startLsn, String endLsn, String walFrom, String walTo, Long parentId,
			String postgresVersion, Integer fileCount, String error, String markLsn, Instant markedAt,
			List<DrillView> drills) {
	}

	record TableResult(String name, String expected, String actual, boolean match) {
	}

	/**
	 * A restore drill; {@code until} set: a point-in-time restore, whose tables carry
	 * only their actual checksums (nothing was recorded at that instant).
	 */
	record DrillView(long id, long backupId, String status, Instant until, Instant startedAt, Instant finishedAt,
			List<TableResult> tables, String error) {
	}

	/** {@code POST /api/v1/ops/backups}: FULL or INCREMENTAL. */
	record BackupCommand(String type) {
	}

	/**
	 * {@code POST /api/v1/ops/backups/{id}/drill}: {@code until} for a point-in-time
	 * restore.
	 */
	record DrillCommand(String until) {
	}

}
