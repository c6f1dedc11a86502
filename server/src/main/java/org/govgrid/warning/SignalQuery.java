package org.govgrid.warning;

import java.time.Instant;

/**
 * A signal rule's parameters as its source reads them.
 *
 * @param regionPath the rule's area (a town or larger): only subjects at or under it
 * @param threshold the rule's threshold (its meaning depends on the kind, e.g. hours of
 * silence, a count of people, a count of negative items)
 * @param windowHours the rule's window, or null when the kind has none
 * @param factor the rule's factor k (e.g. k × the household's 30-day median), or null
 * @param now the time the condition is judged at (the sweep's injected clock)
 */
public record SignalQuery(String regionPath, int threshold, Integer windowHours, Double factor, Instant now) {

	/** Whether an object placed at {@code path} lies in the rule's area. */
	public boolean covers(String path) {
		return path != null && (this.regionPath.isEmpty() || path.equals(this.regionPath)
				|| path.startsWith(this.regionPath + "/"));
	}

}
