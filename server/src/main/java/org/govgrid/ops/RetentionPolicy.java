package org.govgrid.ops;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.govgrid.ops.BackupStore.BackupRow;

/**
 * Which backups may go: with {@code keepFulls} = 0 every weekly full is kept (the default
 * of issue 15); otherwise the newest {@code keepFulls} good fulls and everything after
 * the oldest of them stay. The last good chain is never deleted.
 */
final class RetentionPolicy {

	private RetentionPolicy() {
	}

	/**
	 * The first archived WAL segment still needed: the start of the oldest good full that
	 * stays. Empty while there is no good full (then the archive is left whole).
	 */
	static Optional<String> oldestNeededSegment(List<BackupRow> backups, List<BackupRow> expired) {
		return backups.stream()
			.filter((backup) -> backup.done() && backup.type().equals("FULL") && backup.walFrom() != null)
			.filter((backup) -> expired.stream().noneMatch((gone) -> gone.id() == backup.id()))
			.map(BackupRow::walFrom)
			.min(String::compareTo);
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
