package org.govgrid.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo history and the bench's evaluation of 智能分拨 write their reports with the same
 * phrasings: the bench's {@code ReportTexts} is this one but for its package and layout
 * (the bench does not depend on the server). Change both together.
 */
class ReportTextsSharedTests {

	private static final Path BENCH = Path.of("../bench/src/main/java/org/govgrid/bench/ReportTexts.java");

	private static final Path SERVER = Path.of("src/main/java/org/govgrid/demo/ReportTexts.java");

	@Test
	void theBenchAndTheDemoShareOneGenerator() throws IOException {
		// the server's copy is laid out by spring-javaformat, the bench's is not
		assertThat(Files.readString(BENCH).replace("package org.govgrid.bench;", "").replaceAll("\\s+", ""))
			.isEqualTo(Files.readString(SERVER).replace("package org.govgrid.demo;", "").replaceAll("\\s+", ""));
	}

	@Test
	void textsVaryWithinACategory() {
		Random random = new Random(1);
		java.util.Set<String> texts = new java.util.HashSet<>();
		for (int i = 0; i < 50; i++) {
			texts.add(ReportTexts.text("HJWS-01", random));
		}
		assertThat(texts).hasSizeGreaterThan(30);
	}

}
