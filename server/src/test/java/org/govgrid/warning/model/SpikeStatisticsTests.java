package org.govgrid.warning.model;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SpikeStatisticsTests {

	@Test
	void meanAndPopulationStandardDeviation() {
		SpikeStatistics stats = SpikeStatistics.of(new long[] { 2, 4, 4, 4, 5, 5, 7, 9 });
		assertThat(stats.mean()).isCloseTo(5.0, within(1e-9));
		assertThat(stats.standardDeviation()).isCloseTo(2.0, within(1e-9));
		// above 5 + 2 × 2 = 9
		assertThat(stats.threshold(2, 1)).isEqualTo(10);
		assertThat(stats.isSpike(9, 2, 1)).isFalse();
		assertThat(stats.isSpike(10, 2, 1)).isTrue();
	}

	@Test
	void aFlatBaselineNeedsMoreThanItsMeanAndTheMinimum() {
		long[] flat = new long[SpikeStatistics.BASELINE_DAYS];
		Arrays.fill(flat, 3);
		SpikeStatistics stats = SpikeStatistics.of(flat);
		assertThat(stats.standardDeviation()).isZero();
		assertThat(stats.threshold(3, 1)).as("strictly above 3").isEqualTo(4);
		assertThat(stats.threshold(3, 6)).as("the rule's minimum").isEqualTo(6);
	}

	@Test
	void anEmptyBaselineFiresAtTheMinimum() {
		SpikeStatistics stats = SpikeStatistics.of(new long[SpikeStatistics.BASELINE_DAYS]);
		assertThat(stats.mean()).isZero();
		assertThat(stats.threshold(2.5, 5)).isEqualTo(5);
		assertThat(stats.threshold(2.5, 0)).as("never zero events").isEqualTo(1);
		assertThat(SpikeStatistics.of(new long[0]).threshold(1, 2)).isEqualTo(2);
	}

	@Test
	void aFractionalLimitRoundsUp() {
		// mean 1, sd 1 (one day at 0, one at 2): 1 + 1.5 = 2.5, so 3 is a spike
		SpikeStatistics stats = SpikeStatistics.of(new long[] { 0, 2 });
		assertThat(stats.threshold(1.5, 1)).isEqualTo(3);
	}

}
