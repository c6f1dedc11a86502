package org.govgrid.party;

import java.time.Instant;
import java.util.List;

/** A party activity as every response shows it. */
record ActivityView(long id, long organizationId, String organizationName, String type, String title, Instant heldAt,
		String place, double lon, double lat, long gridId, String gridName, List<Long> participantIds,
		List<Participant> participants, int participantCount, String content, List<Long> fileIds, List<FileRef> files,
		long reportedBy, String reportedByName, Instant createdAt) {

	record Participant(long id, String name) {
	}

	record FileRef(long id, String contentType, String fileName, long sizeBytes) {
	}

}
