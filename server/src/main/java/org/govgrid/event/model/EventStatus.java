package org.govgrid.event.model;

/** Statuses of DESIGN §4. */
public enum EventStatus {

	/** 待受理: waiting in a centre's queue (also after a return or an escalation). */
	REPORTED("待受理"),
	/** 已派遣: sent to a handling unit, not yet signed for. */
	DISPATCHED("已派遣"),
	/** 处置中: signed for and being handled (also rework after a failed verification). */
	IN_PROGRESS("处置中"),
	/** 待核查: handled, waiting for the reporting side to verify. */
	RESOLVED("待核查"),
	/** 已结案. */
	CLOSED("已结案"),
	/** 不予受理: invalid, or merged into another event as a duplicate. */
	REJECTED("不予受理");

	private final String label;

	EventStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean isOpen() {
		return this != CLOSED && this != REJECTED;
	}

}
