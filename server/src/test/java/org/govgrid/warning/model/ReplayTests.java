package org.govgrid.warning.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.govgrid.warning.model.Replay.Firing;
import org.govgrid.warning.model.Replay.Occurrence;
import org.govgrid.warning.model.Replay.Span;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplayTests {

	private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

	private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static Occurrence at(long id, double hours, long region, String key) {
		return new Occurrence(id, T0.plusSeconds((long) (hours * 3600)), region, key);
	}

	@Test
	void aWindowFiresWhenTheCountReachesTheThresholdAndLaterEventsJoin() {
		List<Occurrence> events = List.of(at(1, 0, 7, "A"), at(2, 1, 7, "A"), at(3, 2, 7, "A"), at(4, 3, 7, "A"),
				at(5, 2.5, 8, "A"), at(6, 2.6, 7, "B"),
				// the window empties, then three more fire again
				at(7, 40, 7, "A"), at(8, 41, 7, "A"), at(9, 42, 7, "A"));
		List<Firing> firings = Replay.windowCrossings(events, 3, Duration.ofHours(24), T0, T0.plus(Duration.ofDays(3)));
		assertThat(firings).hasSize(2);
		assertThat(firings.get(0)).isEqualTo(new Firing(T0.plusSeconds(7200), 7, "A", List.of(1L, 2L, 3L, 4L)));
		assertThat(firings.get(1).at()).isEqualTo(T0.plusSeconds(42 * 3600));
		assertThat(firings.get(1).eventIds()).containsExactly(7L, 8L, 9L);
	}

	@Test
	void eventsBeforeTheRangeFillTheWindowButDoNotFire() {
		List<Occurrence> events = List.of(at(1, -3, 7, "A"), at(2, -2, 7, "A"), at(3, -1, 7, "A"), at(4, 1, 7, "A"));
		assertThat(Replay.windowCrossings(events, 3, Duration.ofHours(24), T0, T0.plus(Duration.ofDays(1))))
			.as("it fired before the range; the fourth only joins")
			.isEmpty();
		assertThat(Replay.windowCrossings(events, 4, Duration.ofHours(24), T0, T0.plus(Duration.ofDays(1))))
			.extracting(Firing::eventIds)
			.containsExactly(List.of(1L, 2L, 3L, 4L));
	}

	@Test
	void aSpikeDayFiresAtTheEventThatReachesTheThreshold() {
		List<Occurrence> events = new ArrayList<>();
		long id = 0;
		// one event a day for 28 days: mean 1, sd 0; then five on the 29th
		for (int day = 0; day < 28; day++) {
			events.add(at(++id, day * 24 + 2, 7, "A"));
		}
		for (int i = 0; i < 5; i++) {
			events.add(at(++id, 28 * 24 + 2 + i, 7, "A"));
		}
		Instant from = T0.plus(Duration.ofDays(27));
		List<Firing> firings = Replay.spikes(events, 2, 3, from, T0.plus(Duration.ofDays(29)), LOCAL);
		assertThat(firings).hasSize(1);
		// threshold max(3, floor(1 + 2 × 0) + 1) = 3: the third event of the day
		assertThat(firings.get(0).at()).isEqualTo(T0.plusSeconds((28 * 24 + 4) * 3600L));
		assertThat(firings.get(0).eventIds()).hasSize(5);
	}

	@Test
	void overdueCasesFireWhileEnoughAreOverdueAtOnce() {
		Instant h = T0;
		List<Span> spans = List.of(new Span(1, 7, "*", h.plusSeconds(3600), h.plusSeconds(5 * 3600)),
				new Span(2, 7, "*", h.plusSeconds(2 * 3600), null), new Span(3, 7, "*", h.plusSeconds(3 * 3600), null),
				// after the first closed, a fourth brings the count back to three
				new Span(4, 7, "*", h.plusSeconds(6 * 3600), null));
		List<Firing> firings = Replay.overdueCrossings(spans, 3, T0, T0.plus(Duration.ofDays(1)));
		assertThat(firings).extracting(Firing::at).containsExactly(h.plusSeconds(3 * 3600), h.plusSeconds(6 * 3600));
		assertThat(firings.get(0).eventIds()).containsExactly(1L, 2L, 3L);
		assertThat(firings.get(1).eventIds()).containsExactly(2L, 3L, 4L);
	}

	@Test
	void addressesCompareWithoutSpacesPunctuationWidthOrVagueTails() {
		assertThat(Addresses.normalise("狮山路 88号（门口）")).isEqualTo(Addresses.normalise("狮山路88号"));
		assertThat(Addresses.normalise("狮山路８８号附近")).isEqualTo("狮山路88号");
		assertThat(Addresses.normalise("Block A, No.5")).isEqualTo("blockano5");
		assertThat(Addresses.normalise(" ，。 ")).isNull();
		assertThat(Addresses.normalise(null)).isNull();
	}

}
