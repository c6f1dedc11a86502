package org.govgrid.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
	 * Deletes what the retention rule lets go: rows, folders and the WAL before the kept
	 * chains.
	 */
	void applyRetention() {
		List<BackupRow> all = this.store.backups(100_000);
		List<BackupRow> expired = RetentionPolicy.expired(all, this.properties.keepFulls());
		for (BackupRow backup : expired) {
			Backups.delete(this.backups.folder(backup.id()));
			this.store.deleteBackup(backup.id());
		}
		if (expired.isEmpty()) {
			return;
		}
		all.stream()
			.filter((backup) -> backup.done() && backup.type().equals("FULL") && !expired.contains(backup))
			.map(BackupRow::walFrom)
			.min(String::compareTo)
			.ifPresent(this::pruneArchiveBefore);
		log.info("Backup retention removed {} backups", expired.size());
	}

	private void pruneArchiveBefore(String oldestNeeded) {
		Path dir = this.backups.archive().dir();
		try (var files = Files.list(dir)) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				if (WalArchive.isSegment(name) && name.compareTo(oldestNeeded) < 0) {
					Files.deleteIfExists(file);
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not prune the WAL archive: {}", ex.getMessage());
		}
	}

}
