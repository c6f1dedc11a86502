package org.govgrid.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The region-scope condition ("the path is the scope's or lies under it") is written
 * once, in {@link ScopeFilter}; a new hand-typed copy in the main sources fails the
 * build. The few files still allowed are listed with the reason.
 */
class ScopeConditionTests {

	private static final Path MAIN = Path.of("src/main/java/org/govgrid");

	/** {@code x.path = :a or x.path like :b}, named or positional, any path column. */
	private static final Pattern HAND_TYPED = Pattern
		.compile("([\\w.]*path)\\s*=\\s*(:\\w+|\\?)\\s+or\\s+\\1\\s+like\\s+(:\\w+|\\?)", Pattern.CASE_INSENSITIVE);

	private static final Pattern DESCENDANTS = Pattern.compile("\\.descendantsPattern\\(\\)");

	/**
	 * Positional {@code JdbcTemplate} summaries (they move with the JdbcClient change)
	 * and JPQL repositories, which take the pattern as a query parameter.
	 */
	private static final Set<String> ALLOWED = Set.of("platform/ScopeFilter.java", "platform/DataScope.java",
			"event/EventSummaries.java", "region/RegionRepository.java", "identity/Repositories.java",
			"identity/UserAdministration.java", "identity/DeviceController.java");

	/** Strictly below the scope (not at it): a different condition, not a copy. */
	private static final Set<String> STRICTLY_BELOW = Set.of("event/DispatchTargets.java");

	@Test
	void theScopeConditionIsWrittenOnlyInScopeFilter() throws IOException {
		assertThat(copies(MAIN)).as("hand-typed scope conditions: use platform.ScopeFilter").isEmpty();
	}

	@Test
	void aDeliberateCopyIsFound(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
		Path file = dir.resolve("basedata/Copy.java");
		Files.createDirectories(file.getParent());
		Files.writeString(file,
				"String sql = \"(h.region_path = :scopePath or h.region_path like :scopeDescendants)\";");
		assertThat(copies(dir)).containsExactly("basedata/Copy.java");
	}

	static List<String> copies(Path root) throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String name = root.relativize(file).toString().replace('\\', '/');
				if (ALLOWED.contains(name)) {
					continue;
				}
				String source = Files.readString(file).replaceAll("\"\\s*\\+\\s*\"", "");
				if (HAND_TYPED.matcher(source).find()
						|| (!STRICTLY_BELOW.contains(name) && DESCENDANTS.matcher(source).find())) {
					found.add(name);
				}
			}
		}
		return found;
	}

}
