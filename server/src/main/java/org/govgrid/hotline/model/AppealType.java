package org.govgrid.hotline.model;

/** 诉求类型 of a 12345 work order. */
public enum AppealType {

	COMPLAINT("投诉"), HELP("求助"), CONSULT("咨询"), SUGGESTION("建议"), REPORT("举报");

	private final String label;

	AppealType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
