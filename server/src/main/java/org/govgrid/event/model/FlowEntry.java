package org.govgrid.event.model;

import java.time.Instant;
import java.util.List;

/**
 * One transition: who, when, from, to, what, why, with which files, towards which unit.
 */
public record FlowEntry(EventAction action, EventStatus from, EventStatus to, long actorId, String actorName,
		Instant at, String comment, List<Long> fileIds, Unit target) {

	public FlowEntry {
		fileIds = fileIds == null ? List.of() : List.copyOf(fileIds);
	}

}
