package org.govgrid.basedata.model;

/** Where a dispute stands (DISPUTE_STATUS); RESOLVED and ESCALATED end it here. */
public enum DisputeStatus {

	OPEN, MEDIATING, RESOLVED, FAILED, ESCALATED;

	public boolean closed() {
		return this == RESOLVED || this == ESCALATED;
	}

}
