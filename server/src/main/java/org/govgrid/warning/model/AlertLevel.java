package org.govgrid.warning.model;

/** 预警级别, from least to most severe. */
public enum AlertLevel {

	BLUE("蓝色"), YELLOW("黄色"), ORANGE("橙色"), RED("红色");

	private final String label;

	AlertLevel(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
