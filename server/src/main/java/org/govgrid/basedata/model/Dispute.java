package org.govgrid.basedata.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A dispute's mediation: OPEN → MEDIATING (again for each further session) → RESOLVED or
 * FAILED; OPEN, MEDIATING or FAILED → ESCALATED (上报) to a higher level. RESOLVED and
 * ESCALATED are final: the record may no longer be edited. An illegal step throws
 * {@link IllegalDisputeTransitionException} and changes nothing.
 */
public final class Dispute {

	private DisputeStatus status;

	private Dispute(DisputeStatus status) {
		this.status = status;
	}

	public static Dispute registered() {
		return new Dispute(DisputeStatus.OPEN);
	}

	public static Dispute restore(DisputeStatus status) {
		return new Dispute(status);
	}

	public DisputeStatus status() {
		return this.status;
	}

	/** Takes a step; returns the new status. */
	public DisputeStatus step(DisputeAction action) {
		DisputeStatus next = next(action);
		if (next == null) {
			throw new IllegalDisputeTransitionException(action, this.status);
		}
		this.status = next;
		return next;
	}

	/** Whether a step ends the mediation with a result (success or failure). */
	public static boolean settles(DisputeAction action) {
		return action == DisputeAction.RESOLVE || action == DisputeAction.FAIL;
	}

	/** Editing the record is allowed until the dispute is closed. */
	public void checkEditable() {
		if (this.status.closed()) {
			throw new IllegalDisputeTransitionException(DisputeAction.EDIT, this.status);
		}
	}

	/** The steps allowed now, in the order a form would offer them. */
	public List<DisputeAction> allowedSteps() {
		Set<DisputeAction> allowed = EnumSet.noneOf(DisputeAction.class);
		for (DisputeAction action : List.of(DisputeAction.MEDIATE, DisputeAction.RESOLVE, DisputeAction.FAIL,
				DisputeAction.ESCALATE)) {
			if (next(action) != null) {
				allowed.add(action);
			}
		}
		return List.copyOf(allowed);
	}

	private DisputeStatus next(DisputeAction action) {
		return switch (action) {
			case MEDIATE -> this.status == DisputeStatus.OPEN || this.status == DisputeStatus.MEDIATING
					? DisputeStatus.MEDIATING : null;
			case RESOLVE -> this.status == DisputeStatus.MEDIATING ? DisputeStatus.RESOLVED : null;
			case FAIL -> this.status == DisputeStatus.MEDIATING ? DisputeStatus.FAILED : null;
			case ESCALATE -> this.status.closed() ? null : DisputeStatus.ESCALATED;
			case REGISTER, EDIT -> null;
		};
	}

}
