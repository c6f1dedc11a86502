package org.govgrid.academy;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A learner passed a course's quiz for the first time (later passes publish nothing);
 * published inside the attempt's transaction. {@code points} are the quiz's own.
 */
public record QuizPassed(long userId, long quizId, long courseId, String title, int score, BigDecimal points,
		long regionId, String regionPath, Instant passedAt) {
}
