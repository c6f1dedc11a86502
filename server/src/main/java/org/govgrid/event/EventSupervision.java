package org.govgrid.event;

import java.time.Instant;

import org.govgrid.event.EventHandling.ActionCommand;
import org.govgrid.event.model.EventAction;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 督办 for other modules: supervises an event the caller sees, exactly as the
 * {@code supervise} action does (same checks of the input, same flow step, same notice,
 * same {@link EventSupervised}). The calling module has checked the caller's permission.
 */
@Service
public class EventSupervision {

	private final EventHandling handling;

	EventSupervision(EventHandling handling) {
		this.handling = handling;
	}

	/**
	 * Supervises the event (404 if the caller does not see it, 400 naming {@code level},
	 * {@code deadline} or {@code comment}, 409 if it is no longer open) and returns the
	 * step taken.
	 */
	@Transactional
	public EventSupervised supervise(long eventId, String level, Instant deadline, String comment,
			ScopedPrincipal caller) {
		return this.handling.actAuthorised(eventId, EventAction.SUPERVISE,
				new ActionCommand(comment, null, null, null, deadline, null, null, null, null, null, level), caller);
	}

}
