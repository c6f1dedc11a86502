package org.govgrid.stats;

import java.util.Map;

/**
 * Handling times kept as a histogram, so a percentile over millions of events needs no
 * sort: bucket {@code i} holds times up to {@link #UPPER_HOURS}{@code [i]} hours (the
 * last one everything longer). A percentile is read as the upper bound of the bucket it
 * falls in, interpolated linearly inside it.
 */
final class HandlingBuckets {

	static final double[] UPPER_HOURS = { 0.5, 1, 2, 4, 8, 12, 24, 36, 48, 72, 96, 120, 168, 240, 360, 720, 1440,
			Double.POSITIVE_INFINITY };

	private HandlingBuckets() {
	}

	static int of(long seconds) {
		double hours = seconds / 3600.0;
		for (int i = 0; i < UPPER_HOURS.length; i++) {
			if (hours <= UPPER_HOURS[i]) {
				return i;
			}
		}
		return UPPER_HOURS.length - 1;
	}

	/**
	 * The {@code q} quantile (0–1) of the counts per bucket index, in hours; 0 without
	 * any count.
	 */
	static double quantile(Map<Integer, Long> counts, double q) {
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		if (total == 0) {
			return 0;
		}
		double target = q * total;
		long seen = 0;
		for (int i = 0; i < UPPER_HOURS.length; i++) {
			long inBucket = counts.getOrDefault(i, 0L);
			if (inBucket > 0 && seen + inBucket >= target) {
				double lower = i == 0 ? 0 : UPPER_HOURS[i - 1];
				double upper = Double.isInfinite(UPPER_HOURS[i]) ? lower * 2 : UPPER_HOURS[i];
				return lower + (upper - lower) * (target - seen) / inBucket;
			}
			seen += inBucket;
		}
		return UPPER_HOURS[UPPER_HOURS.length - 2];
	}

}
