package org.govgrid.event;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every stored event as an {@link EventChanged} without steps, page by page: for modules
 * that derive data from events and must build it for events they never heard of (a new
 * module on an old database, imported data).
 */
@Service
public class EventSnapshots {

	private final EventRepository events;

	EventSnapshots(EventRepository events) {
		this.events = events;
	}

	/** How many events there are (events are never deleted). */
	@Transactional(readOnly = true)
	public long count() {
		return this.events.count();
	}

	/** Up to {@code limit} events with an id above {@code afterId}, by id. */
	@Transactional(readOnly = true)
	public List<EventChanged> after(long afterId, int limit) {
		return this.events.snapshots(afterId, limit);
	}

}
