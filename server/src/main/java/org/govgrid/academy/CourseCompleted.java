package org.govgrid.academy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A learner completed a course, once per learner and course; published inside the
 * transaction that recorded it. {@code regionId}/{@code regionPath} are the learner's
 * scope, {@code points} the course's own.
 */
public record CourseCompleted(long userId, long courseId, String title, BigDecimal points, long regionId,
		String regionPath, Instant completedAt) {
}
