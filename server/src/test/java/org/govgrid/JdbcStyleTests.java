package org.govgrid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds docs/adr/0012-one-persistence-rule-and-table-ownership.md: SQL takes named
 * parameters. The files below still use positional {@code JdbcTemplate}; the list only
 * shrinks (a file moved over must leave it, a new user fails).
 */
class JdbcStyleTests {

	private static final Path MAIN = Path.of("src/main/java/org/govgrid");

	/**
	 * Positional on purpose: COPY and array-bound batches, the audit chain, the job
	 * locks.
	 */
	private static final Set<String> POSITIONAL_BY_DESIGN = Set.of("patrol/TrackStore.java",
			"special/ReadingStore.java", "audit/AuditChainSealer.java", "audit/AuditChainVerifier.java",
			"audit/JdbcAuditTrail.java", "platform/ScheduledJobsConfiguration.java", "basedata/Streaming.java",
			// the event ledger export: named parameters over a template with a cursor's
			// fetch size, like basedata's Streaming
			"event/LedgerRows.java",
			// crowd counts: array-bound batches into monthly partitions, like TrackStore
			"special/CrowdStore.java",
			// the statistics backfill: facts and deltas bound as arrays to unnest, pages
			// of thousands
			"stats/StatsBackfill.java");

	/** Still to move to named parameters (issue 14). */
	private static final Set<String> TO_MOVE = Set.of("event/Categories.java", "event/DeadlineFlagJob.java",
			"event/EventCatalog.java", "event/EventCategoryController.java", "event/EventCodes.java",
			"event/EventRepository.java", "event/EventSetup.java", "event/EventSummaries.java",
			"event/LinkedReports.java", "event/ReporterPhoneSealing.java", "event/RoutingRules.java",
			"identity/SignInBookkeeping.java", "identity/StaffPhoneSealing.java", "messaging/NotificationInbox.java",
			"messaging/NotificationStreams.java", "messaging/Notifications.java", "warning/WarningSetup.java");

	@Test
	void newCodeTakesNamedParameters() throws IOException {
		Set<String> positional = new TreeSet<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				if (Files.readString(file).contains("import org.springframework.jdbc.core.JdbcTemplate;")) {
					positional.add(MAIN.relativize(file).toString().replace('\\', '/'));
				}
			}
		}
		Set<String> allowed = new TreeSet<>(POSITIONAL_BY_DESIGN);
		allowed.addAll(TO_MOVE);
		assertThat(positional).as("positional JdbcTemplate outside the allowed list (ADR 0012)").isSubsetOf(allowed);
		assertThat(allowed).as("moved to named parameters: take them off the list").isSubsetOf(positional);
	}

}
