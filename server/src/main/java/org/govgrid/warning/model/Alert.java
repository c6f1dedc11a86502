package org.govgrid.warning.model;

import java.util.ArrayList;
import java.util.List;

/**
 * An alert's lifecycle: NEW → ACKNOWLEDGED → CONVERTED (to an event) or DISMISSED (with a
 * reason); a NEW alert may also be converted or dismissed at once. The system clears an
 * open alert (CLEARED) when the sweep finds its condition no longer holds; nobody clears
 * by hand, so it is not among the allowed actions. Closed alerts do not move again. Each
 * guarded method throws {@link IllegalAlertTransitionException} on an illegal move.
 */
public final class Alert {

	public static final String ACKNOWLEDGE = "acknowledge";

	public static final String DISMISS = "dismiss";

	public static final String CONVERT = "convert";

	public static final String CLEAR = "clear";

	private AlertStatus status;

	private String dismissReason;

	private Long convertedEventId;

	private Alert(AlertStatus status) {
		this.status = status;
	}

	public static Alert raised() {
		return new Alert(AlertStatus.NEW);
	}

	public static Alert restore(AlertStatus status) {
		return new Alert(status);
	}

	public void acknowledge() {
		if (this.status != AlertStatus.NEW) {
			throw new IllegalAlertTransitionException(ACKNOWLEDGE, this.status);
		}
		this.status = AlertStatus.ACKNOWLEDGED;
	}

	public void dismiss(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("dismissing needs a reason");
		}
		requireOpen(DISMISS);
		this.status = AlertStatus.DISMISSED;
		this.dismissReason = reason.strip();
	}

	/** Checks that the alert may be converted, before the event is raised. */
	public void checkConvertible() {
		requireOpen(CONVERT);
	}

	public void convert(long eventId) {
		requireOpen(CONVERT);
		this.status = AlertStatus.CONVERTED;
		this.convertedEventId = eventId;
	}

	/** The condition behind the open alert no longer holds (the sweep, not a person). */
	public void clear() {
		requireOpen(CLEAR);
		this.status = AlertStatus.CLEARED;
	}

	/** The actions a person may take now. */
	public List<String> allowedActions() {
		List<String> actions = new ArrayList<>();
		if (this.status == AlertStatus.NEW) {
			actions.add(ACKNOWLEDGE);
		}
		if (this.status.open()) {
			actions.add(DISMISS);
			actions.add(CONVERT);
		}
		return actions;
	}

	private void requireOpen(String action) {
		if (!this.status.open()) {
			throw new IllegalAlertTransitionException(action, this.status);
		}
	}

	public AlertStatus status() {
		return this.status;
	}

	public String dismissReason() {
		return this.dismissReason;
	}

	public Long convertedEventId() {
		return this.convertedEventId;
	}

}
