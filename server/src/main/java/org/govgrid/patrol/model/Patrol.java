package org.govgrid.patrol.model;

import java.util.Objects;

import org.govgrid.platform.IllegalTransitionException;

/**
 * A patrol's lifecycle: ACTIVE (started) → FINISHED (ended by its worker), once. Track
 * batches and checklist items are still taken after the end, because a phone that was
 * offline syncs late; the totals then follow the stored points. Finishing twice throws
 * {@link IllegalTransitionException} and changes nothing.
 */
public final class Patrol {

	public static final String FINISH = "finish";

	private PatrolStatus status;

	private Patrol(PatrolStatus status) {
		this.status = Objects.requireNonNull(status, "status");
	}

	public static Patrol started() {
		return new Patrol(PatrolStatus.ACTIVE);
	}

	public static Patrol restore(PatrolStatus status) {
		return new Patrol(status);
	}

	public void finish() {
		if (this.status != PatrolStatus.ACTIVE) {
			throw new IllegalTransitionException("巡查", FINISH, this.status.name(),
					"the patrol is already finished / 巡查已结束");
		}
		this.status = PatrolStatus.FINISHED;
	}

	/**
	 * Whether a track batch arriving now changes totals already worked out at the finish
	 * (a late batch from a phone that was offline).
	 */
	public boolean totalsFixed() {
		return this.status == PatrolStatus.FINISHED;
	}

	public PatrolStatus status() {
		return this.status;
	}

}
