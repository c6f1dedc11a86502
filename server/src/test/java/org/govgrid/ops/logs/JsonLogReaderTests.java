package org.govgrid.ops.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;

import org.govgrid.ops.logs.LogDigest.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON log as the digest reads it: the current file and a gzipped rolled one, ERROR
 * lines of the period only, grouped by logger and exception class, texts scrubbed.
 */
class JsonLogReaderTests {

	private static final Instant FROM = Instant.parse("2026-12-06T16:00:00Z");

	private static final Instant TO = Instant.parse("2026-12-07T16:00:00Z");

	@TempDir
	Path dir;

	@Test
	void errorsOfThePeriodAreCountedByLoggerAndExceptionAcrossRolledFiles() throws IOException {
		Path current = this.dir.resolve("govgrid.json");
		Files.writeString(current, String.join("\n",
				line("2026-12-07T01:00:00.1+08:00", "ERROR", "org.govgrid.a.A", "boom for 13912345678",
						"java.lang.IllegalStateException: x\\n\\tat a.A.run(A.java:1)", "req-1"),
				line("2026-12-07T02:00:00Z", "ERROR", "org.govgrid.a.A", "boom again",
						"java.lang.IllegalStateException: y", "req-2"),
				line("2026-12-07T03:00:00Z", "INFO", "org.govgrid.a.A", "fine", null, null),
				line("2026-12-08T03:00:00Z", "ERROR", "org.govgrid.a.A", "the next day", null, null), "not json",
				"{\"@timestamp\":\"2026-12-07T04:00:00Z\",\"log\":{\"level\":\"ERROR\",\"logger\":\"org.govgrid.b.B\"},"
						+ "\"message\":\"ecs\",\"error\":{\"type\":\"java.io.IOException\"}}"),
				StandardCharsets.UTF_8);
		try (OutputStream out = new GZIPOutputStream(
				Files.newOutputStream(this.dir.resolve("govgrid.json.2026-12-06.0.gz")))) {
			out.write(line("2026-12-07T00:30:00+08:00", "ERROR", "org.govgrid.c.C", "no trace", null, null)
				.getBytes(StandardCharsets.UTF_8));
		}
		Files.writeString(this.dir.resolve("other.json"),
				line("2026-12-07T01:00:00Z", "ERROR", "org.govgrid.d.D", "not ours", null, null));

		JsonLogReader.Errors errors = new JsonLogReader(current.toString()).errors(FROM, TO);

		assertThat(errors.read()).isTrue();
		assertThat(errors.lines()).isEqualTo(5);
		assertThat(errors.errors()).isEqualTo(4);
		assertThat(errors.kinds()).extracting(ErrorKind::logger, ErrorKind::exception, ErrorKind::count)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("org.govgrid.a.A", "java.lang.IllegalStateException", 2),
					org.assertj.core.groups.Tuple.tuple("org.govgrid.b.B", "java.io.IOException", 1),
					org.assertj.core.groups.Tuple.tuple("org.govgrid.c.C", "-", 1));
		ErrorKind first = errors.kinds().get(0);
		assertThat(first.lastMessage()).isEqualTo("boom again");
		assertThat(first.lastRequestId()).isEqualTo("req-2");
	}

	@Test
	void noFileIsNoRead() {
		assertThat(new JsonLogReader("").errors(FROM, TO).read()).isFalse();
		assertThat(new JsonLogReader(this.dir.resolve("none/govgrid.json").toString()).errors(FROM, TO).read())
			.isFalse();
	}

	@Test
	void longDigitRunsAreMaskedAndLongTextsCut() {
		assertThat(LogDigest.scrub("phone 13912345678 id 32050519900101123X ok 2026"))
			.isEqualTo("phone *** id *** ok 2026");
		assertThat(LogDigest.scrub("x".repeat(300))).hasSize(201);
		assertThat(LogDigest.mask("y".repeat(300))).hasSize(300);
		assertThat(LogDigest.scrub(null)).isNull();
	}

	private static String line(String at, String level, String logger, String message, String trace, String requestId) {
		return "{\"@timestamp\":\"" + at + "\",\"@version\":\"1\",\"message\":\"" + message + "\",\"logger_name\":\""
				+ logger + "\",\"thread_name\":\"main\",\"level\":\"" + level + "\""
				+ ((trace != null) ? ",\"stack_trace\":\"" + trace + "\"" : "")
				+ ((requestId != null) ? ",\"requestId\":\"" + requestId + "\"" : "") + "}";
	}

}
