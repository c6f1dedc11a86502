package org.govgrid.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.govgrid.event.EventChanged;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventFactTests {

	/** 2026-11-24 23:30 in Suzhou, still the 24th there though the 25th is close. */
	private static final Instant REPORTED = Instant.parse("2026-11-24T15:30:00Z");

	private static EventChanged event(String status, String flag, Instant closedAt, Integer score) {
		return new EventChanged(7, "SJ1", "CSGL-01", "GENERAL", "GRID_WORKER", 3, null, 11, 10, 9,
				"320500/320505/320505006/320505006001/320505006001001", status, flag, false, REPORTED, closedAt,
				REPORTED.plus(Duration.ofHours(24)), score, List.of());
	}

	@Test
	void aNewReportCountsOnItsLocalDay() {
		EventFact fact = EventFact.of(event("REPORTED", "NONE", null, null));
		assertThat(fact.reportDay()).isEqualTo(LocalDate.of(2026, 11, 24));
		assertThat(fact.closeDay()).isNull();
		assertThat(fact.tallies()).extracting(Tally::dimension)
			.containsExactly("reported", "level", "source", "category", "status");
		assertThat(fact.rollupRegions()).containsExactly("320500", "320505", "320505006");
	}

	@Test
	void aLateClosingCountsOnTheClosingDayWithItsHours() {
		Instant closed = REPORTED.plus(Duration.ofHours(30));
		EventFact fact = EventFact.of(event("CLOSED", "NONE", closed, 4));
		assertThat(fact.overdue()).isTrue();
		assertThat(fact.closedOnTime()).isFalse();
		assertThat(fact.handlingSeconds()).isEqualTo(30 * 3600);
		assertThat(fact.tallies()).contains(new Tally(LocalDate.of(2026, 11, 26), "closed", "late", 1),
				new Tally(LocalDate.of(2026, 11, 26), "handling", "", 30 * 3600),
				new Tally(LocalDate.of(2026, 11, 26), "bucket", Integer.toString(HandlingBuckets.of(30 * 3600)), 1),
				new Tally(LocalDate.of(2026, 11, 26), "rating", "4", 1),
				new Tally(LocalDate.of(2026, 11, 24), "overdue", "", 1));
	}

	@Test
	void aRejectedEventIsNotHandled() {
		EventFact fact = EventFact.of(event("REJECTED", "NONE", REPORTED.plusSeconds(60), null));
		assertThat(fact.closeDay()).isNull();
		assertThat(fact.tallies()).extracting(Tally::dimension).doesNotContain("closed");
	}

	@Test
	void theDifferenceMovesTheStatusAndAddsTheClosing() {
		EventFact before = EventFact.of(event("IN_PROGRESS", "NONE", null, null));
		EventFact after = EventFact.of(event("CLOSED", "NONE", REPORTED.plus(Duration.ofHours(2)), null));
		Map<Tally.Slot, Long> change = EventFacts.difference(before.tallies(), after.tallies());
		LocalDate day = LocalDate.of(2026, 11, 24);
		LocalDate closeDay = LocalDate.of(2026, 11, 25);
		assertThat(change).containsOnly(Map.entry(new Tally.Slot(day, "status", "IN_PROGRESS"), -1L),
				Map.entry(new Tally.Slot(day, "status", "CLOSED"), 1L),
				Map.entry(new Tally.Slot(closeDay, "closed", "on_time"), 1L),
				Map.entry(new Tally.Slot(closeDay, "handling", ""), 7200L),
				Map.entry(new Tally.Slot(closeDay, "bucket", "2"), 1L));
		assertThat(EventFacts.difference(after.tallies(), after.tallies())).isEmpty();
	}

	@Test
	void theNinetiethPercentileFallsInItsBucket() {
		// 9 events within half an hour, one after 3 days
		Map<Integer, Long> buckets = Map.of(0, 9L, HandlingBuckets.of(72 * 3600), 1L);
		assertThat(HandlingBuckets.quantile(buckets, 0.9)).isEqualTo(0.5);
		assertThat(HandlingBuckets.quantile(buckets, 1.0)).isEqualTo(72.0);
		assertThat(HandlingBuckets.quantile(Map.of(), 0.9)).isZero();
		assertThat(HandlingBuckets.of(0)).isZero();
		assertThat(HandlingBuckets.of(10_000 * 3600L)).isEqualTo(HandlingBuckets.UPPER_HOURS.length - 1);
	}

}
