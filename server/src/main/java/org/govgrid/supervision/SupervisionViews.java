package org.govgrid.supervision;

import java.time.Instant;
import java.util.List;

import org.govgrid.files.StoredFileView;

/** What the supervision API answers and takes. */
final class SupervisionViews {

	private SupervisionViews() {
	}

	/**
	 * One item in a list. {@code overdue}: past the deadline while not closed, or closed
	 * late.
	 */
	record Item(long id, long eventId, String eventCode, String eventTitle, String eventStatus, String level,
			Instant deadline, String unitKind, long unitId, String unitName, long supervisorId, String supervisorName,
			String comment, String state, boolean overdue, Instant createdAt, Instant answeredAt, Instant closedAt) {
	}

	/** One item with its responses, reminders and what the caller may do now. */
	record Detail(Item item, String closeComment, List<Response> responses, List<Reminder> reminders,
			List<String> allowedActions) {
	}

	record Response(long id, long responderId, String responderName, String content, List<Long> fileIds,
			List<StoredFileView> files, Instant at) {
	}

	record Reminder(long id, long byId, String byName, String comment, Instant at) {
	}

	/**
	 * One unit's items: {@code overdue} counts those past their deadline and not closed
	 * (they are also open or answered); {@code onTimeRate} is the share closed by their
	 * deadline among those closed or overdue (null when there are none).
	 */
	record TallyRow(String unitKind, long unitId, String unitName, long total, long open, long answered, long overdue,
			long closed, Double onTimeRate) {
	}

	/** A leader supervising from the supervision page. */
	record CreateCommand(Long eventId, String level, Instant deadline, String comment) {
	}

	record RespondCommand(String content, List<Long> fileIds) {
	}

	record CommentCommand(String comment) {
	}

}
