package org.govgrid.ops;

import java.io.IOException;
import java.util.List;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.govgrid.ops.BackupStore.BackupRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The weekly full and daily incremental backups (标准 8g), one node at a time, each
 * followed by the retention rule; archived WAL older than the oldest kept full goes with
 * it.
 */
@Component
class BackupSchedule {

	private static final Logger log = LoggerFactory.getLogger(BackupSchedule.class);

	private final Backups backups;

	private final BackupStore store;

	private final BackupProperties properties;

	BackupSchedule(Backups backups, BackupStore store, BackupProperties properties) {
		this.backups = backups;
		this.store = store;
		this.properties = properties;
	}

	@Scheduled(cron = "${govgrid.backup.full-cron:0 0 1 * * SUN}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "ops-backup-full", lockAtMostFor = "PT6H")
	public void weeklyFull() {
		this.backups.runNow("FULL");
		applyRetention();
	}

	@Scheduled(cron = "${govgrid.backup.incremental-cron:0 0 1 * * MON-SAT}", zone = "Asia/Shanghai")
	@SchedulerLock(name = "ops-backup-incremental", lockAtMostFor = "PT2H")
	public void dailyIncremental() {
		this.backups.runNow("INCREMENTAL");
		applyRetention();
	}

	/**
	 * Deletes what the retention rule lets go: rows and folders of expired backups, and
	 * the archived WAL from before the oldest good full that stays (each backup holds a
	 * copy of its own WAL, so the archive only feeds the next incremental).
	 */
	void applyRetention() {
		List<BackupRow> all = this.store.backups(100_000);
		List<BackupRow> expired = RetentionPolicy.expired(all, this.properties.keepFulls());
		for (BackupRow backup : expired) {
			Backups.delete(this.backups.folder(backup.id()));
			this.store.deleteBackup(backup.id());
		}
		int pruned = RetentionPolicy.oldestNeededSegment(all, expired).map(this::pruneArchiveBefore).orElse(0);
		if (!expired.isEmpty() || pruned > 0) {
			log.info("Backup retention removed {} backups and {} archived WAL files", expired.size(), pruned);
		}
	}

	private int pruneArchiveBefore(String oldestNeeded) {
		try {
			return this.backups.archive().pruneBefore(oldestNeeded).size();
		}
		catch (IOException ex) {
			log.warn("Could not prune the WAL archive: {}", ex.getMessage());
			return 0;
		}
	}

}
