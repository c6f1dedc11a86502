package org.govgrid.supervision.model;

/**
 * Where a supervision item stands; {@code overdue} is separate (deadline passed while not
 * closed).
 */
public enum SupervisionState {

	OPEN("待反馈"), ANSWERED("已反馈"), CLOSED("已办结");

	private final String label;

	SupervisionState(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
