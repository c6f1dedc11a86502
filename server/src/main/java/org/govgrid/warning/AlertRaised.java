package org.govgrid.warning;

import java.time.Instant;

/**
 * A new alert was opened (not a match joining an open one), published inside the raising
 * transaction: listeners run in it, so what they write commits or rolls back with the
 * alert. {@code key} is what the rule groups by (a category, an address, a signal's
 * subject).
 */
public record AlertRaised(long alertId, long ruleId, String ruleName, String level, long regionId, String regionPath,
		String key, Instant raisedAt) {
}
