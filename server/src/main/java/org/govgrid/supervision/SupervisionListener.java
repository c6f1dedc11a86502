package org.govgrid.supervision;

import org.govgrid.event.EventSupervised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Opens the item of each 督办 once the supervise step has committed (on the same thread, in
 * its own transaction), so the item exists when the supervise call answers. A failure is
 * logged and never undoes the supervise.
 */
@Component
class SupervisionListener {

	private static final Logger log = LoggerFactory.getLogger(SupervisionListener.class);

	private final SupervisionItems items;

	SupervisionListener(SupervisionItems items) {
		this.items = items;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void supervised(EventSupervised step) {
		try {
			this.items.open(step);
		}
		catch (RuntimeException ex) {
			log.error("Supervision item for event {} step {} failed", step.eventId(), step.flowId(), ex);
		}
	}

}
