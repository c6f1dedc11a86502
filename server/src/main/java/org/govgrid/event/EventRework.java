package org.govgrid.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.model.EventCase;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重办 for other modules (a 12345 caller unsatisfied at the return call): a closed event
 * the caller sees goes back in work at the unit that handled it, with a fresh disposal
 * limit, one {@code reopen} flow step and a notice to that unit. The calling module has
 * checked the caller's permission; the model checks that the caller acts for the town's
 * centre.
 */
@Service
public class EventRework {

	private final EventRepository events;

	private final EventAccess access;

	private final EventNotices notices;

	private final AuditTrail audit;

	private final Clock clock;

	EventRework(EventRepository events, EventAccess access, EventNotices notices, AuditTrail audit, Clock clock) {
		this.events = events;
		this.access = access;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Reopens the event (404 if the caller does not see it, 400 naming {@code reason},
	 * 409 if it is not closed or the caller is not its town's centre), joining the
	 * caller's transaction.
	 */
	@Transactional
	public void reopen(long eventId, String reason, ScopedPrincipal caller) {
		if (reason == null || reason.isBlank() || reason.length() > 2000) {
			new FieldErrors().add("reason", "required, at most 2000 characters / 请填写重办原因（最多2000字）").throwIfAny();
		}
		this.access.requireVisible(eventId, caller);
		StoredEvent stored = this.events.find(eventId).orElseThrow(() -> new NotFoundException("event", eventId));
		Instant now = this.clock.instant();
		EventCase event = stored.lifecycle();
		event.reopen(EventAccess.actor(caller), stored.place().townCentre(), reason.strip(),
				now.plus(Duration.ofMinutes(stored.disposalMinutes())), now);
		this.events.update(eventId, stored.version(), event, event.deadlineFlag(now));
		this.events.appendFlow(eventId, event.flow());
		this.audit.record(AuditRecord.success("EVENT_REOPEN", "event", eventId, event.code() + " CLOSED→IN_PROGRESS"));
		this.notices.arrived(eventId, event.code(), "重办：" + reason.strip(), event.currentUnit(), event.assigneeId());
	}

}
