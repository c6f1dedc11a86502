package org.govgrid.event.model;

/** Severity (事件等级). */
public enum EventLevel {

	GENERAL("一般"), MAJOR("较大"), SERIOUS("重大"), EXTRAORDINARY("特别重大");

	private final String label;

	EventLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
