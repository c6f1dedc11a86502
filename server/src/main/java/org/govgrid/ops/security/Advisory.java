package org.govgrid.ops.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.govgrid.platform.FieldErrors;
import tools.jackson.databind.JsonNode;

/**
 * One OSV record (ossf.github.io/osv-schema) reduced to what the check needs: which Maven
 * and npm packages it names, and whether a version is affected by its {@code versions}
 * list or its {@code ECOSYSTEM}/{@code SEMVER} ranges.
 */
record Advisory(String id, String summary, String severity, String aliases, Instant modified, JsonNode affected) {

	static final List<String> SEVERITIES = List.of("CRITICAL", "HIGH", "MEDIUM", "LOW");

	/**
	 * {@code Maven:<group>:<artifact>} and {@code npm:<name>} of every affected package.
	 */
	Set<String> packages() {
		Set<String> keys = new LinkedHashSet<>();
		for (JsonNode entry : this.affected) {
			packageKey(entry).ifPresent(keys::add);
		}
		return keys;
	}

	/** Whether the component's version is affected; the fixed version if one is known. */
	Optional<String> affects(SbomComponent component) {
		for (JsonNode entry : this.affected) {
			if (!packageKey(entry).map(component.key()::equals).orElse(false)) {
				continue;
			}
			for (JsonNode version : entry.path("versions")) {
				if (component.version().equals(version.stringValue(null))) {
					return Optional.of(fixedIn(entry));
				}
			}
			for (JsonNode range : entry.path("ranges")) {
				String type = range.path("type").stringValue("");
				if ((type.equals("ECOSYSTEM") || type.equals("SEMVER")) && inRange(component.version(), range)) {
					return Optional.of(fixedIn(entry));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * OSV's range evaluation: an {@code introduced} opens an interval that the next
	 * {@code fixed} (exclusive) or {@code last_affected} (inclusive) closes.
	 */
	static boolean inRange(String version, JsonNode range) {
		String introduced = null;
		for (JsonNode event : range.path("events")) {
			if (event.has("introduced")) {
				introduced = event.path("introduced").stringValue("0");
			}
			else if (introduced != null && event.has("fixed")) {
				if (atLeast(version, introduced)
						&& Versions.compare(version, event.path("fixed").stringValue("")) < 0) {
					return true;
				}
				introduced = null;
			}
			else if (introduced != null && event.has("last_affected")) {
				if (atLeast(version, introduced)
						&& Versions.compare(version, event.path("last_affected").stringValue("")) <= 0) {
					return true;
				}
				introduced = null;
			}
		}
		return introduced != null && atLeast(version, introduced);
	}

	private static boolean atLeast(String version, String introduced) {
		return introduced.equals("0") || Versions.compare(version, introduced) >= 0;
	}

	private static String fixedIn(JsonNode entry) {
		for (JsonNode range : entry.path("ranges")) {
			for (JsonNode event : range.path("events")) {
				if (event.has("fixed")) {
					return event.path("fixed").stringValue("");
				}
			}
		}
		return "";
	}

	private static Optional<String> packageKey(JsonNode entry) {
		String ecosystem = entry.path("package").path("ecosystem").stringValue("");
		String name = entry.path("package").path("name").stringValue("");
		if (name.isBlank()) {
			return Optional.empty();
		}
		if (ecosystem.equalsIgnoreCase(SbomComponent.MAVEN)) {
			return Optional.of(SbomComponent.MAVEN + ":" + name);
		}
		if (ecosystem.equalsIgnoreCase(SbomComponent.NPM)) {
			return Optional.of(SbomComponent.NPM + ":" + name);
		}
		return Optional.empty();
	}

	/**
	 * Reads one OSV record, naming every bad field under {@code where} (the file and
	 * position) in {@code errors}; empty when it is bad.
	 */
	static Optional<Advisory> parse(JsonNode node, String where, FieldErrors errors) {
		int before = errors.list().size();
		if (!node.isObject()) {
			errors.add(where, "an OSV record must be a JSON object");
			return Optional.empty();
		}
		String id = node.path("id").stringValue("");
		if (id.isBlank() || id.length() > 100 || !id.matches("[A-Za-z0-9._:-]+")) {
			errors.add(where + ".id", "an OSV id of at most 100 letters, digits, '.', '_', ':' or '-' is required");
		}
		JsonNode affected = node.path("affected");
		if (!affected.isArray()) {
			errors.add(where + ".affected", "affected must be an array of packages");
		}
		Instant modified = null;
		if (node.has("modified")) {
			try {
				modified = OffsetDateTime.parse(node.path("modified").stringValue("")).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.add(where + ".modified", "modified must be an RFC 3339 time");
			}
		}
		if (errors.list().size() > before) {
			return Optional.empty();
		}
		List<String> aliases = new ArrayList<>();
		node.path("aliases").forEach((alias) -> aliases.add(alias.stringValue("")));
		String summary = node.path("summary").stringValue(node.path("details").stringValue(""));
		return Optional
			.of(new Advisory(id, clip(summary, 500), severity(node), String.join(", ", aliases), modified, affected));
	}

	/**
	 * GitHub's {@code database_specific.severity} (MODERATE is MEDIUM), else a numeric
	 * CVSS score, else MEDIUM.
	 */
	static String severity(JsonNode node) {
		String named = node.path("database_specific").path("severity").stringValue("").toUpperCase(Locale.ROOT);
		if (named.equals("MODERATE")) {
			return "MEDIUM";
		}
		if (SEVERITIES.contains(named)) {
			return named;
		}
		for (JsonNode severity : node.path("severity")) {
			try {
				double score = Double.parseDouble(severity.path("score").stringValue(""));
				return (score >= 9) ? "CRITICAL" : (score >= 7) ? "HIGH" : (score >= 4) ? "MEDIUM" : "LOW";
			}
			catch (NumberFormatException ex) {
				// a CVSS vector: its base score is not computed here
			}
		}
		return "MEDIUM";
	}

	private static String clip(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
