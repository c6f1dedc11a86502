package org.govgrid.special;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The arithmetic of CROWD_DENSITY, free of the database: a grid's usual count for a
 * quarter hour is the median of the same weekday and quarter hour over the previous four
 * weeks (the weeks present); a count crosses the rule when it is above the threshold or,
 * with a factor k, above k × usual — the threshold then stays a floor, so a quiet grid
 * (usual 3) is not alarmed by 8 people.
 */
final class CrowdLimits {

	static final Duration BUCKET = Duration.ofMinutes(15);

	/** How many earlier weeks make up the usual count. */
	static final int WEEKS = 4;

	private CrowdLimits() {
	}

	/**
	 * One grid's count for one bucket with the counts of the same bucket in earlier
	 * weeks.
	 */
	record Bucket(Instant start, int people, int[] earlierWeeks) {

		Double usual() {
			return median(this.earlierWeeks);
		}

	}

	/** The median, or null when there is nothing to take it of. */
	static Double median(int[] values) {
		if (values == null || values.length == 0) {
			return null;
		}
		int[] sorted = values.clone();
		Arrays.sort(sorted);
		int mid = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
	}

	/** The count a bucket must stay at or below. */
	static double limit(int threshold, Double factor, Double usual) {
		if (factor == null || usual == null) {
			return threshold;
		}
		return Math.max(threshold, factor * usual);
	}

	static boolean crosses(Bucket bucket, int threshold, Double factor) {
		return bucket.people() > limit(threshold, factor, bucket.usual());
	}

	/**
	 * The buckets at which a run of crossing buckets began, in one grid's series sorted
	 * by time; a missing bucket ends a run.
	 */
	static List<Bucket> runStarts(List<Bucket> series, int threshold, Double factor) {
		List<Bucket> starts = new ArrayList<>();
		Bucket previous = null;
		for (Bucket bucket : series) {
			boolean continues = previous != null && crosses(previous, threshold, factor)
					&& previous.start().plus(BUCKET).equals(bucket.start());
			if (crosses(bucket, threshold, factor) && !continues) {
				starts.add(bucket);
			}
			previous = bucket;
		}
		return starts;
	}

	/**
	 * When the run that the series' last bucket belongs to began (the last bucket
	 * crosses).
	 */
	static Instant currentRunStart(List<Bucket> series, int threshold, Double factor) {
		List<Bucket> starts = runStarts(series, threshold, factor);
		return starts.isEmpty() ? null : starts.get(starts.size() - 1).start();
	}

	/** Whether {@code time} starts a quarter hour exactly. */
	static boolean onQuarterHour(Instant time) {
		return time.getNano() == 0 && time.getEpochSecond() % BUCKET.toSeconds() == 0;
	}

	/** The start of the quarter hour {@code time} lies in. */
	static Instant bucketOf(Instant time) {
		long seconds = time.getEpochSecond();
		return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, BUCKET.toSeconds()));
	}

}
