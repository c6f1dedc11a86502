package org.govgrid.basedata;

import java.time.Instant;
import java.time.LocalDate;

/** A daily note (民情日志). */
public record DailyNoteView(long id, long gridId, String gridName, long authorId, String authorName, LocalDate notedOn,
		String topic, String topicName, String content, Instant createdAt) {
}
