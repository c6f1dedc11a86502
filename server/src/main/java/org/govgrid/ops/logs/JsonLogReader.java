package org.govgrid.ops.logs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.govgrid.ops.logs.LogDigest.ErrorKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the JSON application log (Spring Boot's structured logstash format, one object a
 * line: {@code @timestamp}, {@code level}, {@code logger_name}, {@code message},
 * {@code stack_trace}, {@code requestId}) — the current file and the rolled ones beside
 * it, gzipped or not — and counts the ERROR lines of a period by logger and exception.
 */
@Component
class JsonLogReader {

	private static final Logger log = LoggerFactory.getLogger(JsonLogReader.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String logFile;

	JsonLogReader(@Value("${logging.file.name:}") String logFile) {
		this.logFile = logFile;
	}

	/** Lines of the period, its ERROR lines, and their kinds (most frequent first). */
	record Errors(boolean read, int lines, int errors, List<ErrorKind> kinds) {
	}

	Errors errors(Instant from, Instant to) {
		List<Path> files = files();
		if (files.isEmpty()) {
			return new Errors(false, 0, 0, List.of());
		}
		Tally tally = new Tally();
		for (Path file : files) {
			try (InputStream raw = Files.newInputStream(file);
					InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
					BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					tally.add(line, from, to);
				}
			}
			catch (IOException ex) {
				// a file rolled away while being read: the next build counts it
				log.warn("Could not read the log file {}: {}", file.getFileName(), ex.getMessage());
			}
		}
		List<ErrorKind> kinds = new ArrayList<>(tally.kinds.values());
		kinds.sort(Comparator.comparingInt(ErrorKind::count).reversed().thenComparing(ErrorKind::logger));
		return new Errors(true, tally.lines, tally.errors, kinds);
	}

	/** The current file and its rolled siblings ({@code <name>.<date>.<n>[.gz]}). */
	private List<Path> files() {
		if (this.logFile == null || this.logFile.isBlank()) {
			return List.of();
		}
		Path current = Path.of(this.logFile).toAbsolutePath();
		Path dir = current.getParent();
		List<Path> files = new ArrayList<>();
		if (dir == null || !Files.isDirectory(dir)) {
			return files;
		}
		String name = current.getFileName().toString();
		try (DirectoryStream<Path> siblings = Files.newDirectoryStream(dir, name + "*")) {
			siblings.forEach(files::add);
		}
		catch (IOException ex) {
			log.warn("Could not list the log directory: {}", ex.getMessage());
		}
		files.sort(Comparator.naturalOrder());
		return files;
	}

	private static final class Tally {

		private final Map<String, ErrorKind> kinds = new LinkedHashMap<>();

		private int lines;

		private int errors;

		void add(String line, Instant from, Instant to) {
			if (line.isBlank() || line.charAt(0) != '{') {
				return;
			}
			JsonNode node;
			Instant at;
			try {
				node = JSON.readTree(line);
				at = OffsetDateTime.parse(node.path("@timestamp").asString()).toInstant();
			}
			catch (JacksonException | DateTimeException ex) {
				return;
			}
			if (at.isBefore(from) || !at.isBefore(to)) {
				return;
			}
			this.lines++;
			if (!"ERROR".equals(text(node, "level", "log.level"))) {
				return;
			}
			this.errors++;
			String logger = orDash(text(node, "logger_name", "log.logger"));
			String exception = orDash(exception(node));
			String key = logger + " " + exception;
			ErrorKind before = this.kinds.get(key);
			int count = (before != null) ? before.count() + 1 : 1;
			boolean later = before == null || !at.isBefore(before.lastAt());
			this.kinds.put(key, later
					? new ErrorKind(logger, exception, count, at, LogDigest.scrub(node.path("message").asString()),
							LogDigest.scrub(node.path("requestId").asString(null)))
					: new ErrorKind(logger, exception, count, before.lastAt(), before.lastMessage(),
							before.lastRequestId()));
		}

		/** A field of the logstash format, or its nested ECS spelling. */
		private static String text(JsonNode node, String flat, String dotted) {
			JsonNode value = node.path(flat);
			if (value.isMissingNode()) {
				value = node.at("/" + dotted.replace('.', '/'));
			}
			return value.isValueNode() ? value.asString() : null;
		}

		/** The class on the stack trace's first line ({@code x.y.Ex: message}). */
		private static String exception(JsonNode node) {
			String type = text(node, "error.type", "error.type");
			if (type != null) {
				return type;
			}
			String trace = node.path("stack_trace").asString(null);
			if (trace == null || trace.isBlank()) {
				return null;
			}
			String first = trace.strip().lines().findFirst().orElse("");
			int colon = first.indexOf(':');
			String name = (colon < 0) ? first : first.substring(0, colon);
			return name.isBlank() || name.contains(" ") ? null : name;
		}

		private static String orDash(String value) {
			return (value == null || value.isBlank()) ? "-" : value;
		}

	}

}
