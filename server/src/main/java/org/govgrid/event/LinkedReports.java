package org.govgrid.event;

import java.util.List;
import java.util.Set;

import org.govgrid.event.EventReporting.ReportCommand;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events raised by the command centre from other events (an early-warning alert turned
 * into a case): source {@code WARNING}, reported by the centre's user, waiting in the
 * town centre's queue whatever the routing rules say (their unit is only suggested), and
 * linked to the events they were raised from.
 */
@Service
public class LinkedReports {

	/** Link kind: raised from an alert's evidence. */
	public static final String WARNING = "WARNING";

	private final EventReporting reporting;

	private final JdbcTemplate jdbc;

	LinkedReports(EventReporting reporting, JdbcTemplate jdbc) {
		this.reporting = reporting;
		this.jdbc = jdbc;
	}

	/**
	 * The new event's id (the earlier one if the caller already used this key). Joins the
	 * caller's transaction, so the event, its links and whatever the caller writes commit
	 * together; the event's code is taken in a short transaction of its own. Invalid
	 * input is a 400 naming the fields, as for any report.
	 */
	@Transactional
	public long raise(Report report, Set<Long> linkedEventIds, String idempotencyKey, ScopedPrincipal centre) {
		long id = this.reporting
			.report(new ReportCommand(report.categoryCode(), report.title(), report.description(), null, "WARNING",
					null, null, report.lon(), report.lat(), report.address(), report.gridId(), List.of()),
					idempotencyKey, centre, true)
			.id();
		this.jdbc.batchUpdate("""
				insert into event_link (event_id, linked_event_id, kind) values (?, ?, ?)
				on conflict do nothing""", linkedEventIds.stream().map(l -> new Object[] { id, l, WARNING }).toList());
		return id;
	}

	/**
	 * What the centre raises: {@code gridId} may be null (the grid is found from the
	 * point).
	 */
	public record Report(String categoryCode, String title, String description, Double lon, Double lat, String address,
			Long gridId) {
	}

}
