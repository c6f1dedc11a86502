package org.govgrid.event;

import java.time.Clock;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.model.EventCase;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notes from machine sources on their own events (a repeated or cleared IoT alarm): one
 * {@code note} flow step, no change of status or holder. The row version is taken like
 * any step, so a note never overwrites a concurrent move.
 */
@Service
public class EventNotes {

	private final EventRepository events;

	private final AuditTrail audit;

	private final Clock clock;

	EventNotes(EventRepository events, AuditTrail audit, Clock clock) {
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Adds {@code comment} (at most 2000 characters) to the event if it is still open;
	 * false when it is closed, rejected or unknown (the caller then opens a new one).
	 */
	@Transactional
	public boolean note(long eventId, String comment, ScopedPrincipal caller) {
		StoredEvent stored = this.events.find(eventId).orElse(null);
		if (stored == null || !stored.lifecycle().status().isOpen()) {
			return false;
		}
		EventCase event = stored.lifecycle();
		event.note(EventAccess.actor(caller), comment.length() > 2000 ? comment.substring(0, 2000) : comment,
				this.clock.instant());
		this.events.update(eventId, stored.version(), event, stored.flag());
		this.events.appendFlow(eventId, event.flow());
		this.audit.record(AuditRecord.success("EVENT_NOTE", "event", eventId, event.code())
			.by(caller.userId(), caller.username()));
		return true;
	}

}
