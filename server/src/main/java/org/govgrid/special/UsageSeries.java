package org.govgrid.special;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableMap;
import java.util.OptionalDouble;

/** Daily usage arithmetic (plain Java): rounding, medians and a meter's own baseline. */
final class UsageSeries {

	/** The days a baseline looks back over. */
	static final int BASELINE_DAYS = 30;

	/** Fewer days with readings than this in the baseline: no baseline (a new meter). */
	static final int MIN_BASELINE_DAYS = 7;

	private UsageSeries() {
	}

	static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

	/** The median of the values, or empty when there are none. */
	static OptionalDouble median(Collection<Double> values) {
		if (values.isEmpty()) {
			return OptionalDouble.empty();
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(null);
		int n = sorted.size();
		return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
	}

	/**
	 * The median daily usage of the {@value #BASELINE_DAYS} days before {@code day} that
	 * have readings, or empty with fewer than {@value #MIN_BASELINE_DAYS} of them.
	 */
	static OptionalDouble baseline(NavigableMap<LocalDate, Double> daily, LocalDate day) {
		Collection<Double> before = daily.subMap(day.minusDays(BASELINE_DAYS), true, day, false).values();
		return before.size() < MIN_BASELINE_DAYS ? OptionalDouble.empty() : median(before);
	}

}
