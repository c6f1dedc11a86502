package org.govgrid.academy;

import java.math.BigDecimal;
import java.util.List;

/**
 * A course as created or edited: a PUT replaces every field, the quiz included (null: no
 * quiz). {@code fileId} is an uploaded mp4 (VIDEO) or pdf (PDF); {@code body} the text of
 * a TEXT course, kept as plain text and never rendered as HTML.
 */
record CourseCommand(String title, String summary, String kind, Long fileId, String body, Integer durationSeconds,
		Integer pages, List<String> requiredRoles, BigDecimal points, Boolean published, Quiz quiz, Integer version) {

	record Quiz(Integer passScore, BigDecimal points, List<Question> questions) {
	}

	record Question(String kind, String text, List<Option> options) {
	}

	record Option(String text, Boolean correct) {
	}

}
