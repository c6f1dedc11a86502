package org.govgrid.ops;

import java.time.Instant;
import java.util.List;

import org.govgrid.ops.BackupStore.BackupRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionPolicyTests {

	private static BackupRow row(long id, String type, String status) {
		// backup n starts at WAL segment n
		String segment = String.format("0000000100000000%08X", id);
		return new BackupRow(id, type, status, Instant.EPOCH, null, 0, status.equals("DONE"), null, null, segment,
				segment, null, null, null);
	}

	private final List<BackupRow> backups = List.of(row(1, "FULL", "DONE"), row(2, "INCREMENTAL", "DONE"),
			row(3, "FULL", "DONE"), row(4, "INCREMENTAL", "FAILED"), row(5, "FULL", "FAILED"),
			row(6, "INCREMENTAL", "DONE"), row(7, "FULL", "RUNNING"));

	@Test
	void byDefaultEveryBackupIsKept() {
		assertThat(RetentionPolicy.expired(this.backups, 0)).isEmpty();
	}

	@Test
	void keepsTheNewestGoodFullsAndEverythingAfterTheOldestOfThem() {
		assertThat(RetentionPolicy.expired(this.backups, 1)).extracting(BackupRow::id).containsExactly(1L, 2L);
		assertThat(RetentionPolicy.expired(this.backups, 2)).isEmpty();
	}

	@Test
	void neverDeletesTheLastGoodChainEvenWhenNewerFullsFailed() {
		List<BackupRow> onlyOneGood = List.of(row(1, "FULL", "DONE"), row(2, "INCREMENTAL", "DONE"),
				row(3, "FULL", "FAILED"));
		assertThat(RetentionPolicy.expired(onlyOneGood, 1)).isEmpty();
	}

	@Test
	void theArchiveKeepsTheWalFromTheStartOfTheOldestGoodFullThatStays() {
		assertThat(RetentionPolicy.oldestNeededSegment(this.backups, List.of())).contains("000000010000000000000001");
		List<BackupRow> expired = RetentionPolicy.expired(this.backups, 1);
		assertThat(RetentionPolicy.oldestNeededSegment(this.backups, expired)).contains("000000010000000000000003");
	}

	@Test
	void theArchiveStaysWholeWithoutAGoodFullAndFailedFullsDoNotCount() {
		List<BackupRow> noGoodFull = List.of(row(1, "FULL", "FAILED"), row(2, "INCREMENTAL", "DONE"),
				row(3, "FULL", "RUNNING"));
		assertThat(RetentionPolicy.oldestNeededSegment(noGoodFull, List.of())).isEmpty();
		List<BackupRow> newerFullFailed = List.of(row(1, "FULL", "DONE"), row(2, "INCREMENTAL", "DONE"),
				row(3, "FULL", "FAILED"));
		assertThat(RetentionPolicy.oldestNeededSegment(newerFullFailed, RetentionPolicy.expired(newerFullFailed, 1)))
			.contains("000000010000000000000001");
	}

}
