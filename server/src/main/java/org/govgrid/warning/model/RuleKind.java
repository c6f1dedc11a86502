package org.govgrid.warning.model;

/**
 * What a rule looks for. {@code COUNT}: at least N matching events in one region within H
 * hours; {@code REPEAT_ADDRESS}: at least N reports at one (normalised) address within H
 * hours; {@code SPIKE}: today's count in a region above the trailing 28-day daily mean +
 * k standard deviations (and at least N); {@code OVERDUE_CLUSTER}: at least N overdue
 * open events in one region.
 */
public enum RuleKind {

	COUNT("数量阈值"), REPEAT_ADDRESS("同一地址重复上报"), SPIKE("突增"), OVERDUE_CLUSTER("超期聚集");

	private final String label;

	RuleKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Evaluated on every new report (the others by the scheduled sweep). */
	public boolean onReport() {
		return this == COUNT || this == REPEAT_ADDRESS;
	}

	/** Needs a window of hours. */
	public boolean windowed() {
		return this == COUNT || this == REPEAT_ADDRESS;
	}

}
