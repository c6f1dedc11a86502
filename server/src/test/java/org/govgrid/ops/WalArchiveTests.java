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

}
