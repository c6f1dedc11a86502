package org.govgrid.event.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Everything that can happen to an event; each is one flow record. {@code code} is the
 * API path segment.
 */
public enum EventAction {

	REPORT("report", "上报"), ACCEPT("accept", "受理"), DISPATCH("dispatch", "派遣"), SIGN("sign", "签收"),
	RESOLVE("resolve", "办结"), VERIFY("verify", "核查"), RETURN("return", "退回"), ESCALATE("escalate", "上报上级"),
	REJECT("reject", "不予受理"), MERGE("merge", "合并"), SELF_HANDLE("self-handle", "自处置"), SUPERVISE("supervise", "督办"),
	EVALUATE("evaluate", "评价"),
	/**
	 * A remark from a machine source (a repeated or cleared IoT alarm); no status change.
	 */
	NOTE("note", "备注"),
	/**
	 * 重办: a closed event back in work at the unit that handled it (a 12345 caller was
	 * unsatisfied at the return call).
	 */
	REOPEN("reopen", "重办");

	private final String code;

	private final String label;

	EventAction(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	public static Optional<EventAction> ofCode(String code) {
		return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
	}

}
