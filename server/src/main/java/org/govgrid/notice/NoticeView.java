package org.govgrid.notice;

import java.time.Instant;
import java.util.List;

import org.govgrid.files.StoredFileView;

/**
 * One notice. {@code read}/{@code readAt} are the caller's own receipt (null when the
 * caller is not a recipient); the counts and {@code manageable} are for managers.
 */
record NoticeView(long id, String title, String body, String status, long authorId, String authorName,
		List<Target> regions, List<String> roleCodes, List<StoredFileView> files, Instant publishedAt,
		Instant withdrawnAt, Instant createdAt, Instant updatedAt, Boolean read, Instant readAt, Integer recipientCount,
		Integer readCount, boolean manageable, int version) {

	/** A target region. */
	record Target(long id, String name) {
	}

}
