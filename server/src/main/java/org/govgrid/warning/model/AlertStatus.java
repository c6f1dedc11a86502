package org.govgrid.warning.model;

/**
 * Where an alert stands: open while NEW or ACKNOWLEDGED; closed by a person (CONVERTED,
 * DISMISSED) or by the sweep once its condition no longer holds (CLEARED).
 */
public enum AlertStatus {

	NEW("新预警"), ACKNOWLEDGED("已确认"), CONVERTED("已转事件"), DISMISSED("已忽略"), CLEARED("已消除");

	private final String label;

	AlertStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	public boolean open() {
		return this == NEW || this == ACKNOWLEDGED;
	}

}
