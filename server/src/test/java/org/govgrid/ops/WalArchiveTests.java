package org.govgrid.ops;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WalArchiveTests {

	@Test
	void segmentsFollowEachOtherAcrossALogBoundary() {
		assertThat(WalArchive.next("0000000100000000000000FE")).isEqualTo("0000000100000000000000FF");
		assertThat(WalArchive.next("0000000100000000000000FF")).isEqualTo("000000010000000100000000");
		assertThat(WalArchive.range("0000000100000000000000FF", "000000010000000100000001"))
			.containsExactly("0000000100000000000000FF", "000000010000000100000000", "000000010000000100000001");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WalArchive.range("000000010000000000000001", "000000020000000000000002"));
	}

	@Test
	void aMissingSegmentIsAGap(@TempDir Path dir) throws Exception {
		WalArchive archive = new WalArchive(dir);
		Files.writeString(dir.resolve("000000010000000000000003"), "x");
		Files.writeString(dir.resolve("000000010000000000000005"), "x");
		assertThat(archive.missing("000000010000000000000003", "000000010000000000000005"))
			.containsExactly("000000010000000000000004");
	}

	@Test
	void pruningDeletesWhatIsOlderThanTheOldestNeededSegmentAndKeepsTheRest(@TempDir Path dir) throws Exception {
		for (String name : new String[] { "000000010000000000000003", "000000010000000000000003.00000028.backup",
				"000000010000000000000004.part", "000000010000000000000005", "000000010000000000000006",
				"00000002.history", "000000020000000000000001" }) {
			Files.writeString(dir.resolve(name), "x");
		}
		WalArchive archive = new WalArchive(dir);
		assertThat(archive.pruneBefore("000000010000000000000005")).containsExactlyInAnyOrder(
				"000000010000000000000003", "000000010000000000000003.00000028.backup",
				"000000010000000000000004.part");
		try (var left = Files.list(dir)) {
			assertThat(left.map((path) -> path.getFileName().toString())).containsExactlyInAnyOrder(
					"000000010000000000000005", "000000010000000000000006", "00000002.history",
					"000000020000000000000001");
		}
		assertThat(archive.pruneBefore("000000010000000000000005")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> archive.pruneBefore("../../etc"));
	}

}
