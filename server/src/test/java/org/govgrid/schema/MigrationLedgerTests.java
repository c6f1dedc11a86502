package org.govgrid.schema;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds the migration files to the ledger of what has landed on main (ADR 0008): a new
 * migration takes a number above every one on main and appends its line; a landed one
 * never changes.
 */
class MigrationLedgerTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path LEDGER = Path.of("src/test/resources/db/migration-ledger.txt");

	@Test
	void everyMigrationIsInTheLedgerUnchanged() {
		assertThat(MigrationLedger.read(LEDGER).problems(MigrationLedger.filesIn(MIGRATIONS))).isEmpty();
	}

	@Test
	void aMigrationBelowTheHighestOnMainFails() {
		MigrationLedger ledger = ledger("17\tV17__b.sql\th17", "25\tV25__c.sql\th25");
		assertThat(ledger.problems(Map.of("V17__b.sql", "h17", "V25__c.sql", "h25", "V20__late.sql", "h20")))
			.singleElement()
			.asString()
			.contains("V20__late.sql is not above V25", "V26");
	}

	@Test
	void aMigrationWithTheSameVersionAsOneOnMainFails() {
		MigrationLedger ledger = ledger("25\tV25__c.sql\th25");
		assertThat(ledger.problems(Map.of("V25__c.sql", "h25", "V25__other.sql", "hx"))).singleElement()
			.asString()
			.contains("not above V25");
	}

	@Test
	void aNewMigrationAboveMainIsToldToAppendItsLine() {
		MigrationLedger ledger = ledger("25\tV25__c.sql\th25");
		assertThat(ledger.problems(Map.of("V25__c.sql", "h25", "V26__next.sql", "h26"))).singleElement()
			.asString()
			.contains("append", "26<TAB>V26__next.sql<TAB>h26");
	}

	@Test
	void aChangedOrRemovedLandedMigrationFails() {
		MigrationLedger ledger = ledger("24\tV24__a.sql\th24", "25\tV25__c.sql\th25");
		assertThat(ledger.problems(Map.of("V24__a.sql", "edited"))).hasSize(2)
			.anySatisfy(problem -> assertThat(problem).contains("V24__a.sql", "changed"))
			.anySatisfy(problem -> assertThat(problem).contains("V25__c.sql", "removed"));
	}

	@Test
	void theLedgerOnlyGrowsInVersionOrder() {
		MigrationLedger ledger = ledger("17\tV17__b.sql\th17", "16\tV16__a.sql\th16");
		assertThat(ledger.problems(Map.of("V17__b.sql", "h17", "V16__a.sql", "h16"))).singleElement()
			.asString()
			.contains("not above V17");
	}

	@Test
	void fractionalAndUnversionedFilesFail() {
		MigrationLedger ledger = ledger("25\tV25__c.sql\th25");
		assertThat(ledger.problems(Map.of("V25__c.sql", "h25", "V25_1__x.sql", "h", "R__views.sql", "h"))).hasSize(2);
	}

	private static MigrationLedger ledger(String... lines) {
		return MigrationLedger.parse(List.of(lines));
	}

}
