package org.govgrid.platform;

import java.util.Objects;

/**
 * A step a workflow does not allow from its current state, or not by this actor. Every
 * workflow model throws it (a module may subclass it for typed accessors), and one
 * mapping in {@code ProblemResponses} answers it: 409 {@code illegal-transition} with the
 * attempted {@code action} and the current state.
 */
public class IllegalTransitionException extends RuntimeException {

	private final String workflow;

	private final String action;

	private final String state;

	/**
	 * @param workflow what moves, in Chinese, as the title names it (事件, 巡查, 任务 ...)
	 * @param action the attempted action as the API spells it
	 * @param state the current state as the API spells it
	 * @param message the bilingual explanation (English / 中文)
	 */
	public IllegalTransitionException(String workflow, String action, String state, String message) {
		super(message);
		this.workflow = Objects.requireNonNull(workflow, "workflow");
		this.action = Objects.requireNonNull(action, "action");
		this.state = Objects.requireNonNull(state, "state");
	}

	/** The problem's title: "不允许的巡查操作 / Illegal transition". */
	public String title() {
		return "不允许的" + this.workflow + "操作 / Illegal transition";
	}

	public String attemptedAction() {
		return this.action;
	}

	public String currentState() {
		return this.state;
	}

	/**
	 * The problem property that carries the state: the word the workflow's own API uses
	 * for it ({@code status} unless a workflow calls it otherwise).
	 */
	public String stateProperty() {
		return "status";
	}

}
