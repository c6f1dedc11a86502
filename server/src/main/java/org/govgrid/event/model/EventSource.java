package org.govgrid.event.model;

/** Where a report came from (事件来源). */
public enum EventSource {

	GRID_WORKER("网格员上报"), HOTLINE_12345("12345热线"), CITIZEN("群众随手拍"), VIDEO_AI("视频智能识别"), IOT("物联感知"),
	DEPARTMENT("部门移交"), HIGHER_LEVEL("上级交办"),
	/** Raised by the centre from an early-warning alert (not a report from outside). */
	WARNING("研判预警");

	private final String label;

	EventSource(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
