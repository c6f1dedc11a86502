package org.govgrid.hotline.model;

/** The caller's answer at the return call (回访). */
public enum Satisfaction {

	SATISFIED("满意"), BASICALLY("基本满意"), UNSATISFIED("不满意");

	private final String label;

	Satisfaction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
