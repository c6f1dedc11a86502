package org.govgrid.hotline.model;

/** Where a 12345 work order stands. */
public enum OrderStatus {

	/** 办理中: its event is being handled. */
	OPEN("办理中"),
	/** 已答复: the event closed and the reply went back to the hotline. */
	REPLIED("已答复"),
	/** 已回访: the caller was called back and is (basically) satisfied. */
	RETURN_VISITED("已回访"),
	/** 重办中: the caller was unsatisfied; the event is back in work. */
	REOPENED("重办中");

	private final String label;

	OrderStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Still being worked on: extensions may be asked for, the deadline counts. */
	public boolean inWork() {
		return this == OPEN || this == REOPENED;
	}

}
