package org.govgrid.notice;

import java.util.List;

/**
 * A notice as written: rich-text {@code body} (sanitised on the server), target regions
 * (each inside the author's scope), target role codes (empty: every role) and attached
 * files; {@code publish} sends it at once (POST only).
 */
record NoticeCommand(String title, String body, List<Long> regionIds, List<String> roleCodes, List<Long> fileIds,
		Boolean publish) {
}
