package org.govgrid.special;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * When a watched household's water has been silent (plain Java): no reading with usage
 * since its last use — whether readings keep arriving flat or stop arriving — counted
 * from the last use, or from when the meter began reporting if it never showed any.
 */
final class SilenceCheck {

	private SilenceCheck() {
	}

	/**
	 * Since when the meter has shown no usage: its last use, else when it was first seen.
	 */
	static Instant silentSince(Instant lastUse, Instant firstSeen) {
		return lastUse != null ? lastUse : firstSeen;
	}

	static double hours(Instant since, Instant now) {
		return Duration.between(since, now).toMinutes() / 60.0;
	}

	/**
	 * Whether silence since {@code since} has lasted at least {@code thresholdHours} at
	 * {@code now}.
	 */
	static boolean holds(Instant since, Instant now, int thresholdHours) {
		return since != null && !since.isAfter(now) && hours(since, now) >= thresholdHours;
	}

	/**
	 * The moments in [{@code from}, {@code to}] at which a silence reached
	 * {@code thresholdHours}: after each use (sorted; {@code start} counts as one, the
	 * moment the meter began reporting) not followed by another within the threshold.
	 */
	static List<Instant> onsets(List<Instant> uses, Instant start, Instant from, Instant to, int thresholdHours) {
		Duration threshold = Duration.ofHours(thresholdHours);
		List<Instant> points = new ArrayList<>();
		if (start != null && (uses.isEmpty() || start.isBefore(uses.get(0)))) {
			points.add(start);
		}
		points.addAll(uses);
		List<Instant> onsets = new ArrayList<>();
		for (int i = 0; i < points.size(); i++) {
			Instant onset = points.get(i).plus(threshold);
			Instant next = i + 1 < points.size() ? points.get(i + 1) : null;
			boolean silentLongEnough = next == null ? !onset.isAfter(to) : next.isAfter(onset);
			if (silentLongEnough && !onset.isBefore(from) && !onset.isAfter(to)) {
				onsets.add(onset);
			}
		}
		return onsets;
	}

}
