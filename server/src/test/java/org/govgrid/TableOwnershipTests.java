package org.govgrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds docs/adr/0012-one-persistence-rule-and-table-ownership.md: every table has one
 * owning module (by its name's prefix, below); only the owner writes it; another module
 * reads it only if it is a shared reference table, through a read-only search mapping, or
 * as one of the listed reads that await a published query. The SQL is found in the string
 * literals and text blocks of the main sources.
 */
class TableOwnershipTests {

	private static final Path MAIN = Path.of("src/main/java/org/govgrid");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	/** Table name prefix → owning module; the longest prefix wins. */
	static final Map<String, String> OWNERS = owners("academy_ academy", "app_user identity", "audit_ audit",
			"bd_ basedata", "dict_ dictionary", "collection_ collection", "department identity", "device identity",
			"dispatch_ dispatch", "event event", "routing_rule event", "import_ exchange", "notice notice",
			"notification messaging", "party_ party", "password_history identity", "password_reset identity",
			"patrol patrol", "permission identity", "role identity", "user_role identity", "point_ performance",
			"region region", "shedlock platform", "spring_session platform", "stats_ stats", "stored_file files",
			"supervision_ supervision", "video_ video", "warning_ warning", "special_ special", "utility_ special",
			"opinion_ special", "crowd_ special", "iot_ iot", "oauth2_ openplatform", "open_ openplatform",
			"open311_ openplatform", "hotline_ hotline", "ops_ ops");

	/** Read by any module (names, codes and paths to join on). */
	static final Set<String> REFERENCE = Set.of("region", "app_user", "department", "bd_dict", "event_category");

	/** Reads that wait for a published query of the owner: module, table, and why. */
	static final Set<String> AWAITING_QUERY = Set.of("dispatch event", // a task's event
																		// code in its
																		// list
			"patrol event", // a problem item's event code
			"event stored_file", // an event's attachment ids
			"party stored_file", // an activity's attachment ids
			"hotline event", // an order's event code and status in its list
			"messaging spring_session"); // live sessions behind the SSE streams
											// (platform's table)

	/**
	 * Modules that seed other modules' tables in bulk: the demo profile's six months of
	 * history, written in the owners' final states in a few statements so that a cold
	 * start stays short (ADR 0012, amendment).
	 */
	static final Set<String> SEEDERS = Set.of("demo");

	private static final Pattern STRINGS = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern READ = Pattern.compile("\\b(?:from|join)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern WRITE = Pattern
		.compile("\\b(?:insert\\s+into|(?<!for\\s)update|delete\\s+from|truncate)\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern MAPPING = Pattern.compile("@Table\\(name\\s*=\\s*\"(\\w+)\"\\)");

	@Test
	void everyTableHasAnOwner() throws IOException {
		List<String> orphans = new ArrayList<>();
		for (String table : tables()) {
			if (owner(table) == null) {
				orphans.add(table);
			}
		}
		assertThat(orphans).as("tables without an owning module in TableOwnershipTests.OWNERS").isEmpty();
	}

	@Test
	void onlyTheOwnerWritesAndOthersReadWhatTheAdrAllows() throws IOException {
		assertThat(violations(MAIN, tables())).isEmpty();
	}

	@Test
	void aDeliberateViolationIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Path file = dir.resolve("warning/Sneaky.java");
		Files.createDirectories(file.getParent());
		Files.writeString(file, """
				class Sneaky { String a = "update event set status = 'CLOSED'"; String b = "select * from bd_person"; }
				""".replace("\n", ""));
		assertThat(violations(dir, Set.of("event", "bd_person"))).containsExactly("warning writes event (Sneaky.java)",
				"warning reads bd_person (Sneaky.java)");
	}

	static List<String> violations(Path root, Set<String> tables) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
				String module = root.relativize(file).getName(0).toString();
				if (SEEDERS.contains(module)) {
					continue;
				}
				String source = Files.readString(file);
				StringBuilder sql = new StringBuilder();
				Matcher strings = STRINGS.matcher(source);
				while (strings.find()) {
					sql.append(strings.group(1) != null ? strings.group(1) : strings.group(2)).append('\n');
				}
				String name = file.getFileName().toString();
				check(WRITE, sql, tables, module, (table, owner) -> "writes", found, name);
				// a read-only document mapping (search's @Immutable entities) reads what
				// it indexes
				boolean readOnlyMapping = source.contains("@Immutable");
				check(READ, sql, tables, module, (table, owner) -> readOnlyMapping || REFERENCE.contains(table)
						|| AWAITING_QUERY.contains(module + " " + table) ? null : "reads", found, name);
				Matcher mapping = MAPPING.matcher(source);
				while (mapping.find()) {
					String owner = owner(mapping.group(1));
					if (owner != null && !owner.equals(module) && !source.contains("@Immutable")) {
						found.add(module + " maps " + mapping.group(1) + " writable (" + name + ")");
					}
				}
			}
		}
		return found;
	}

	private static void check(Pattern pattern, CharSequence sql, Set<String> tables, String module,
			java.util.function.BiFunction<String, String, String> verdict, List<String> found, String file) {
		Matcher m = pattern.matcher(sql);
		while (m.find()) {
			String table = m.group(1).toLowerCase();
			String owner = tables.contains(table) ? owner(table) : null;
			if (owner == null || owner.equals(module) || module.equals("platform") && owner.equals("platform")) {
				continue;
			}
			String what = verdict.apply(table, owner);
			String line = what == null ? null : module + " " + what + " " + table + " (" + file + ")";
			if (line != null && !found.contains(line)) {
				found.add(line);
			}
		}
	}

	static String owner(String table) {
		String best = null;
		for (String prefix : OWNERS.keySet()) {
			if (table.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
				best = prefix;
			}
		}
		return best == null ? null : OWNERS.get(best);
	}

	private static Set<String> tables() throws IOException {
		Set<String> tables = new TreeSet<>();
		Pattern create = Pattern.compile("create table (?:if not exists )?(\\w+)", Pattern.CASE_INSENSITIVE);
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				Matcher m = create.matcher(Files.readString(file));
				while (m.find()) {
					tables.add(m.group(1).toLowerCase());
				}
			}
		}
		return tables;
	}

	private static Map<String, String> owners(String... pairs) {
		Map<String, String> owners = new LinkedHashMap<>();
		for (String pair : pairs) {
			String[] parts = pair.split(" ");
			owners.put(parts[0], parts[1]);
		}
		return owners;
	}

}
