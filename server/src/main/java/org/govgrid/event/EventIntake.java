package org.govgrid.event;

import java.util.List;

import org.govgrid.event.EventReporting.ReportCommand;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Service;

/**
 * Reports from other modules (a patrol's problem item, later a collection record), with
 * the same validation, routing and idempotency as the API. Call it outside a transaction:
 * a report takes its code in its own short one.
 */
@Service
public class EventIntake {

	private final EventReporting reporting;

	EventIntake(EventReporting reporting) {
		this.reporting = reporting;
	}

	/** The event's id (the earlier one if this key was already used by the caller). */
	public long reportByGridWorker(Report report, String idempotencyKey, ScopedPrincipal caller) {
		return this.reporting
			.report(new ReportCommand(report.categoryCode(), report.title(), report.description(), null, "GRID_WORKER",
					null, null, report.lon(), report.lat(), report.address(), null, report.fileIds()), idempotencyKey,
					caller)
			.id();
	}

	/**
	 * A report from a machine source ({@code VIDEO_AI}, {@code IOT}) made on behalf of
	 * {@code caller}, its service account; {@code centreDecides}: no routing rule
	 * dispatches it, it waits in the town centre's queue (an alarm type nobody mapped).
	 * The event's id (the earlier one for a key already used).
	 */
	public long reportFromSource(String source, Report report, String idempotencyKey, boolean centreDecides,
			ScopedPrincipal caller) {
		if ("WARNING".equals(source) || "GRID_WORKER".equals(source)) {
			throw new IllegalArgumentException("not a machine source: " + source);
		}
		return this.reporting
			.report(new ReportCommand(report.categoryCode(), report.title(), report.description(), null, source, null,
					null, report.lon(), report.lat(), report.address(), null, report.fileIds()), idempotencyKey, caller,
					centreDecides)
			.id();
	}

	/** What a worker reports from the field. */
	public record Report(String categoryCode, String title, String description, Double lon, Double lat, String address,
			List<Long> fileIds) {
	}

}
