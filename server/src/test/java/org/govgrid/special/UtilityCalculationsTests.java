package org.govgrid.special;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-Java arithmetic behind readings and the utility signals. */
class UtilityCalculationsTests {

	private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

	private static Instant h(int hours) {
		return T0.plus(Duration.ofHours(hours));
	}

	@Test
	void medianOfOddAndEvenCountsAndABaselineNeedsAWeek() {
		assertThat(UsageSeries.median(List.of(3.0, 1.0, 2.0)).getAsDouble()).isEqualTo(2.0);
		assertThat(UsageSeries.median(List.of(4.0, 1.0, 2.0, 3.0)).getAsDouble()).isEqualTo(2.5);
		assertThat(UsageSeries.median(List.of())).isEmpty();
		TreeMap<LocalDate, Double> daily = new TreeMap<>();
		LocalDate day = LocalDate.of(2026, 12, 7);
		for (int i = 1; i <= 6; i++) {
			daily.put(day.minusDays(i), 10.0);
		}
		assertThat(UsageSeries.baseline(daily, day)).as("six days are no baseline").isEmpty();
		daily.put(day.minusDays(7), 10.0);
		daily.put(day.minusDays(31), 1000.0);
		daily.put(day, 99.0);
		assertThat(UsageSeries.baseline(daily, day).getAsDouble()).as("the day itself and day 31 are outside")
			.isEqualTo(10.0);
	}

	@Test
	void aReSentReadingIsADuplicateAndACountThatGoesDownIsRejected() {
		List<ReadingChain.Stored> stored = List.of(new ReadingChain.Stored(h(0), 100, true, null));
		ReadingChain.Outcome outcome = ReadingChain.apply(stored,
				List.of(new ReadingChain.Incoming(0, h(0), 100, true), new ReadingChain.Incoming(1, h(1), 101.5, true),
						new ReadingChain.Incoming(2, h(1), 101.5, true), new ReadingChain.Incoming(3, h(2), 101, true),
						new ReadingChain.Incoming(4, h(3), 0.7, false)));
		assertThat(outcome.duplicates()).containsExactly(0, 2);
		assertThat(outcome.rejected()).containsOnlyKeys(3);
		assertThat(outcome.rejected().get(3)).isEqualTo(ReadingChain.BELOW_PREVIOUS);
		assertThat(outcome.accepted()).extracting(ReadingChain.Accepted::index, ReadingChain.Accepted::usage)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(1, 1.5), org.assertj.core.groups.Tuple.tuple(4, 0.7));
		assertThat(outcome.corrections()).isEmpty();
	}

	@Test
	void aLateReadingIsCheckedAgainstBothNeighboursAndCorrectsTheNext() {
		List<ReadingChain.Stored> stored = List.of(new ReadingChain.Stored(h(0), 100, true, 1.0),
				new ReadingChain.Stored(h(4), 110, true, 10.0));
		ReadingChain.Outcome late = ReadingChain.apply(stored, List.of(new ReadingChain.Incoming(0, h(2), 104, true)));
		assertThat(late.accepted()).extracting(ReadingChain.Accepted::usage).containsExactly(4.0);
		assertThat(late.corrections()).containsExactly(new ReadingChain.Correction(h(4), 6.0));
		ReadingChain.Outcome above = ReadingChain.apply(stored, List.of(new ReadingChain.Incoming(0, h(2), 111, true)));
		assertThat(above.rejected()).containsEntry(0, ReadingChain.ABOVE_FOLLOWING);
		assertThat(above.accepted()).isEmpty();
		assertThat(above.corrections()).isEmpty();
	}

	@Test
	void silenceCountsFromTheLastUseOrFromWhenTheMeterBeganReporting() {
		assertThat(SilenceCheck.silentSince(h(5), h(0))).isEqualTo(h(5));
		assertThat(SilenceCheck.silentSince(null, h(0))).isEqualTo(h(0));
		assertThat(SilenceCheck.holds(h(5), h(29), 24)).isTrue();
		assertThat(SilenceCheck.holds(h(5), h(28), 24)).isFalse();
		assertThat(SilenceCheck.holds(null, h(28), 24)).isFalse();
	}

	@Test
	void silenceOnsetsAreTheUsesNotFollowedByAnotherWithinTheThreshold() {
		// uses every hour up to 10, then nothing until 50, then every hour again
		List<Instant> uses = new java.util.ArrayList<>();
		for (int i = 1; i <= 10; i++) {
			uses.add(h(i));
		}
		for (int i = 50; i <= 60; i++) {
			uses.add(h(i));
		}
		assertThat(SilenceCheck.onsets(uses, h(0), h(0), h(100), 24)).containsExactly(h(34), h(84));
		assertThat(SilenceCheck.onsets(uses, h(0), h(0), h(83), 24)).as("the tail has not reached 24 h yet")
			.containsExactly(h(34));
		assertThat(SilenceCheck.onsets(uses, h(0), h(40), h(83), 24)).as("outside the window").isEmpty();
		assertThat(SilenceCheck.onsets(List.of(), h(0), h(0), h(30), 24)).as("never used since it began")
			.containsExactly(h(24));
	}

	@Test
	void aSurgeIsAboveKTimesTheOwnMedianAndAtLeastTheMinimum() {
		LocalDate day = LocalDate.of(2026, 12, 7);
		SurgeCheck.Subject surging = subject(1, 1, false, 2, day, 10, 50);
		SurgeCheck.Subject tiny = subject(2, 1, false, 2, day, 0.1, 0.9);
		SurgeCheck.Subject steady = subject(3, 1, false, 2, day, 10, 12);
		Map<Long, SurgeCheck.Hit> hits = SurgeCheck.on(List.of(surging, tiny, steady), day, 3, 5);
		assertThat(hits).containsOnlyKeys(1L);
		SurgeCheck.Hit hit = hits.get(1L);
		assertThat(hit.usage()).isEqualTo(50);
		assertThat(hit.median()).isEqualTo(10);
		assertThat(hit.limit()).isEqualTo(30);
		assertThat(hit.crowded()).isFalse();
	}

	@Test
	void electricityPerRegisteredResidentFarAboveTheGridsMedianIsACrowdedFlat() {
		LocalDate day = LocalDate.of(2026, 12, 7);
		// always high, so never above its own median: only the per-resident test fires
		SurgeCheck.Subject crowded = subject(1, 7, true, 1, day, 40, 40);
		List<SurgeCheck.Subject> subjects = List.of(crowded, subject(2, 7, true, 3, day, 9, 9),
				subject(3, 7, true, 4, day, 12, 12), subject(4, 7, true, 2, day, 6, 6),
				subject(5, 7, true, 0, day, 80, 80));
		Map<Long, SurgeCheck.Hit> hits = SurgeCheck.on(subjects, day, 3, 5);
		assertThat(hits).as("a house with no registered resident is not compared per resident").containsOnlyKeys(1L);
		assertThat(hits.get(1L).crowded()).isTrue();
		assertThat(hits.get(1L).gridMedianPerResident()).isEqualTo(3.0);
		assertThat(hits.get(1L).perResident()).isEqualTo(40);
		assertThat(SurgeCheck.on(subjects.subList(0, 2), day, 3, 5)).as("too few peers for a grid median").isEmpty();
	}

	@Test
	void aSurgesRunStartsOnItsFirstSurgingDay() {
		LocalDate day = LocalDate.of(2026, 12, 7);
		TreeMap<LocalDate, Double> daily = new TreeMap<>();
		for (int i = 40; i >= 0; i--) {
			daily.put(day.minusDays(i), i <= 2 ? 50.0 : 10.0);
		}
		SurgeCheck.Subject subject = new SurgeCheck.Subject(1, 1, false, 2, daily);
		Map<Long, SurgeCheck.Hit> hits = SurgeCheck.on(List.of(subject), day, 3, 5);
		assertThat(SurgeCheck.runStarts(List.of(subject), hits, day, 3, 5, 14)).containsEntry(1L, day.minusDays(2));
	}

	/** 30 days at {@code usual}, then {@code today} on the day. */
	private static SurgeCheck.Subject subject(long id, long grid, boolean electricity, int residents, LocalDate day,
			double usual, double today) {
		TreeMap<LocalDate, Double> daily = new TreeMap<>();
		for (int i = 1; i <= 30; i++) {
			daily.put(day.minusDays(i), usual);
		}
		daily.put(day, today);
		return new SurgeCheck.Subject(id, grid, electricity, residents, daily);
	}

}
