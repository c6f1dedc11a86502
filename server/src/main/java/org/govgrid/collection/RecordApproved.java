package org.govgrid.collection;

import java.time.Instant;

/** Published inside the transaction that approves a collected record. */
public record RecordApproved(long recordId, long collectorId, long gridId, String regionPath, long formId,
		Instant approvedAt) {
}
