package org.govgrid.hotline;

import org.govgrid.event.EventChanged;
import org.govgrid.event.EventLookup;
import org.govgrid.hotline.model.HotlineOrder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a 12345 order's event closes (or is not taken up), the order becomes
 * {@code REPLIED} with the event's outcome and {@link HotlineReplied} is published — all
 * inside the event's transaction, so a rolled-back close replies nothing.
 */
@Component
class HotlineReplies {

	private final OrderStore store;

	private final EventLookup lookup;

	private final ApplicationEventPublisher publisher;

	HotlineReplies(OrderStore store, EventLookup lookup, ApplicationEventPublisher publisher) {
		this.store = store;
		this.lookup = lookup;
		this.publisher = publisher;
	}

	@EventListener
	void on(EventChanged changed) {
		boolean finished = changed.steps()
			.stream()
			.anyMatch(s -> "CLOSED".equals(s.toStatus()) || "REJECTED".equals(s.toStatus()));
		if (!"HOTLINE_12345".equals(changed.source()) || changed.open() || !finished) {
			return;
		}
		this.store.lockByEvent(changed.eventId()).ifPresent(found -> {
			HotlineOrder order = this.store.lock(found.id());
			if (!order.status().inWork()) {
				return;
			}
			String outcome = this.lookup.outcome(changed.eventId()).orElse(null);
			var at = changed.steps().get(changed.steps().size() - 1).at();
			order.reply("REJECTED".equals(changed.status()) ? "不予受理" + (outcome == null ? "" : "：" + outcome) : outcome,
					at);
			this.store.save(found.id(), order);
			this.publisher.publishEvent(new HotlineReplied(found.id(), found.orderNumber(), changed.eventId(),
					order.reply(), at, changed.regionPath()));
		});
	}

}
