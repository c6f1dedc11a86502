package org.govgrid.event.model;

/** Who handles the event, from the grid upwards; escalation (上报) moves one step up. */
public enum HandlingLevel {

	GRID("网格"), COMMUNITY("村/社区"), TOWN("镇/街道"), DEPARTMENT("职能部门/区级");

	private final String label;

	HandlingLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The next level up, or {@code null} at the top. */
	public HandlingLevel above() {
		return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
	}

}
