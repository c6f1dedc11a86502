package org.govgrid.ops;

import java.util.Comparator;
import java.util.List;

import org.govgrid.ops.BackupStore.BackupRow;

/**
 * Which backups may go: with {@code keepFulls} = 0 every weekly full is kept (the default
 * of issue 15); otherwise the newest {@code keepFulls} good fulls and everything after
 * the oldest of them stay. The last good chain is never deleted.
 */
final class RetentionPolicy {

	private RetentionPolicy() {
	}

	/** The backups older than the oldest full that is kept, running ones excepted. */
	static List<BackupRow> expired(List<BackupRow> backups, int keepFulls) {
		if (keepFulls <= 0) {
			return List.of();
		}
		List<BackupRow> goodFulls = backups.stream()
			.filter((backup) -> backup.done() && backup.type().equals("FULL"))
			.sorted(Comparator.comparingLong(BackupRow::id).reversed())
			.toList();
		if (goodFulls.size() <= keepFulls) {
			return List.of();
		}
		long oldestKept = goodFulls.get(keepFulls - 1).id();
		return backups.stream()
			.filter((backup) -> backup.id() < oldestKept && !backup.status().equals("RUNNING"))
			.toList();
	}

}
