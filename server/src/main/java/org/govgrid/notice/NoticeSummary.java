package org.govgrid.notice;

import java.time.Instant;

/**
 * A notice in a list: the inbox (with the caller's receipt) or the managed box (with
 * counts).
 */
record NoticeSummary(long id, String title, String status, String authorName, Instant publishedAt, Instant updatedAt,
		Boolean read, Instant readAt, Integer recipientCount, Integer readCount) {
}
