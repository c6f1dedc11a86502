package org.govgrid.openplatform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Exponential back-off of failed deliveries: 10 s, 30 s, 2 min, 10 min, 30 min, 1 h, 2 h,
 * then every 4 h, until the retry window (24 h by default) from the last queueing is
 * over: then the delivery is dead.
 */
record RetrySchedule(Duration window) {

	static final List<Duration> DELAYS = List.of(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
			Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
			Duration.ofHours(4));

	/**
	 * When to try again after the {@code failures}-th failure in a row (1 = the first),
	 * or empty when that would fall outside the window that began at {@code since}.
	 */
	Optional<Instant> next(int failures, Instant since, Instant now) {
		Duration delay = DELAYS.get(Math.min(Math.max(failures, 1), DELAYS.size()) - 1);
		Instant next = now.plus(delay);
		return next.isAfter(since.plus(this.window)) ? Optional.empty() : Optional.of(next);
	}

}
