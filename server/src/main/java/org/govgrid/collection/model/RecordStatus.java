package org.govgrid.collection.model;

/** Where a collected record stands in its review. */
public enum RecordStatus {

	/** Sent by the collector (or sent again after correction), waiting for review. */
	SUBMITTED,

	/** Accepted by the community: final. */
	APPROVED,

	/** Sent back to the collector to correct and resubmit. */
	RETURNED

}
