package org.govgrid.academy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.govgrid.files.StoredFileView;

/**
 * A course with the caller's own progress. {@code quiz} carries its questions; an
 * option's {@code correct} is shown only to those who may edit the course, never to
 * learners.
 */
record CourseView(long id, String title, String summary, String kind, StoredFileView file, String contentUrl,
		String body, Integer durationSeconds, Integer pages, List<String> requiredRoles, boolean requiredForMe,
		BigDecimal points, boolean published, boolean editable, Mine mine, QuizView quiz, int version,
		Instant createdAt, Instant updatedAt) {

	/** The caller's progress: furthest position and percent, completion, quiz passed. */
	record Mine(BigDecimal position, BigDecimal percent, boolean completed, Instant completedAt, boolean quizPassed,
			Integer bestScore) {
	}

	record QuizView(long id, int passScore, BigDecimal points, int questionCount, List<QuestionView> questions) {
	}

	record QuestionView(long id, String kind, String text, List<OptionView> options) {
	}

	record OptionView(long id, String text, Boolean correct) {
	}

}
