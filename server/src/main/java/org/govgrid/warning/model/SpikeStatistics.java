package org.govgrid.warning.model;

/**
 * The baseline of a spike rule: mean and (population) standard deviation of the daily
 * counts of the trailing days (days without events count as zero). A day is a spike when
 * its count is above {@code mean + k × sd} and at least the rule's minimum.
 */
public record SpikeStatistics(double mean, double standardDeviation) {

	/** Trailing days of the baseline. */
	public static final int BASELINE_DAYS = 28;

	public static SpikeStatistics of(long[] dailyCounts) {
		if (dailyCounts.length == 0) {
			return new SpikeStatistics(0, 0);
		}
		double sum = 0;
		for (long count : dailyCounts) {
			sum += count;
		}
		double mean = sum / dailyCounts.length;
		double squares = 0;
		for (long count : dailyCounts) {
			squares += (count - mean) * (count - mean);
		}
		return new SpikeStatistics(mean, Math.sqrt(squares / dailyCounts.length));
	}

	/**
	 * The smallest count that is a spike: above mean + k·sd, and at least
	 * {@code minimum}.
	 */
	public long threshold(double k, int minimum) {
		double limit = this.mean + k * this.standardDeviation;
		// strictly above the limit; a tiny epsilon keeps 3.0000000001 from counting as 3
		long above = (long) Math.floor(limit + 1e-9) + 1;
		return Math.max(Math.max(minimum, 1), above);
	}

	public boolean isSpike(long count, double k, int minimum) {
		return count >= threshold(k, minimum);
	}

}
