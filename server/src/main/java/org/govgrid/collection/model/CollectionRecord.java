package org.govgrid.collection.model;

import java.util.Objects;

import org.govgrid.platform.IllegalTransitionException;

/**
 * A collected record's review: SUBMITTED → APPROVED (final) or RETURNED (sent back); a
 * returned record is corrected and resubmitted (SUBMITTED again). Who may review, and
 * that a return names what to correct, are the service's checks; each guarded method here
 * throws {@link IllegalTransitionException} on a step the status does not allow and
 * changes nothing.
 */
public final class CollectionRecord {

	private RecordStatus status;

	private CollectionRecord(RecordStatus status) {
		this.status = Objects.requireNonNull(status, "status");
	}

	public static CollectionRecord submitted() {
		return new CollectionRecord(RecordStatus.SUBMITTED);
	}

	public static CollectionRecord restore(RecordStatus status) {
		return new CollectionRecord(status);
	}

	public RecordAction approve() {
		requireReviewable(RecordAction.APPROVE);
		this.status = RecordStatus.APPROVED;
		return RecordAction.APPROVE;
	}

	/** Sends the record back to its collector for correction. */
	public RecordAction sendBack() {
		requireReviewable(RecordAction.RETURN);
		this.status = RecordStatus.RETURNED;
		return RecordAction.RETURN;
	}

	public RecordAction resubmit() {
		if (this.status != RecordStatus.RETURNED) {
			throw refused(RecordAction.RESUBMIT, "only a returned record is resubmitted / 只有被退回的记录可以重新提交");
		}
		this.status = RecordStatus.SUBMITTED;
		return RecordAction.RESUBMIT;
	}

	public RecordStatus status() {
		return this.status;
	}

	private void requireReviewable(RecordAction action) {
		if (this.status != RecordStatus.SUBMITTED) {
			throw refused(action, "only a submitted record can be reviewed / 只能审核已提交的记录");
		}
	}

	private IllegalTransitionException refused(RecordAction action, String why) {
		return new IllegalTransitionException("采集记录", action.code(), this.status.name(), why);
	}

}
