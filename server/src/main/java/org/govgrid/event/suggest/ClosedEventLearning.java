package org.govgrid.event.suggest;

import java.util.List;
import java.util.Optional;

import org.govgrid.event.EventChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the {@link ClosedEventIndex} in step with the database: built at start-up from
 * the newest closed events (in the background, so start-up does not wait; until then the
 * keyword rules answer), then one event at a time as events close, or forgotten when a
 * closed event is reopened. Learns the 小类 the event ended in and the unit holding it when
 * it closed (the one that resolved it), never the reporter's first guess.
 */
@Component
class ClosedEventLearning {

	/**
	 * The newest closed events learnt at start-up (memory and start-up time stay
	 * bounded).
	 */
	static final int HISTORY_LIMIT = 50_000;

	private static final Logger log = LoggerFactory.getLogger(ClosedEventLearning.class);

	private static final String SELECT = """
			select e.id, e.title, e.description, e.category_code, e.unit_kind, e.unit_id from event e
			where e.status = 'CLOSED' and e.merged_into is null""";

	private final ClosedEventIndex index;

	private final JdbcClient jdbc;

	ClosedEventLearning(ClosedEventIndex index, JdbcClient jdbc) {
		this.index = index;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void buildInBackground() {
		Thread builder = new Thread(this::rebuild, "suggest-index");
		builder.setDaemon(true);
		builder.start();
	}

	/** Learns the newest closed events afresh; the number learnt. */
	int rebuild() {
		long started = System.currentTimeMillis();
		List<ClosedEventIndex.Learnt> events = this.jdbc
			.sql(SELECT + " order by e.closed_at desc, e.id desc limit :limit")
			.param("limit", HISTORY_LIMIT)
			.query((rs, n) -> learnt(rs))
			.list();
		this.index.replaceAll(events);
		log.info("智能分拨 learnt {} closed events in {} ms", events.size(), System.currentTimeMillis() - started);
		return events.size();
	}

	/**
	 * A close is learnt, a reopen forgotten, once the change commits (read back then, so
	 * what is learnt is what was stored). Registered by hand rather than as a
	 * transactional listener, which would write an event publication for every change.
	 */
	@EventListener
	void on(EventChanged changed) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					try {
						learn(changed);
					}
					catch (RuntimeException ex) {
						// the change stands; the next rebuild learns it
						log.warn("智能分拨 could not learn event {}", changed.eventId(), ex);
					}
				}
			});
		}
		else {
			learn(changed);
		}
	}

	private void learn(EventChanged changed) {
		boolean closedNow = changed.steps()
			.stream()
			.anyMatch(s -> "CLOSED".equals(s.toStatus()) && !"CLOSED".equals(s.fromStatus()));
		if ("CLOSED".equals(changed.status()) && closedNow) {
			find(changed.eventId()).ifPresent(this.index::put);
		}
		else if (!"CLOSED".equals(changed.status())
				&& changed.steps().stream().anyMatch(s -> "CLOSED".equals(s.fromStatus()))) {
			this.index.remove(changed.eventId());
		}
	}

	private Optional<ClosedEventIndex.Learnt> find(long id) {
		return this.jdbc.sql(SELECT + " and e.id = :id").param("id", id).query((rs, n) -> learnt(rs)).optional();
	}

	private static ClosedEventIndex.Learnt learnt(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ClosedEventIndex.Learnt(rs.getLong("id"), text(rs.getString("title"), rs.getString("description")),
				rs.getString("category_code"), unitKey(rs.getString("unit_kind"), rs.getLong("unit_id")));
	}

	/**
	 * What is learnt and matched: the title when it adds to the description, then the
	 * description.
	 */
	static String text(String title, String description) {
		String body = description == null ? "" : description.strip();
		String head = title == null ? "" : title.strip().replaceAll("…$", "");
		return head.isEmpty() || body.startsWith(head) ? body : head + "\n" + body;
	}

	static String unitKey(String kind, long id) {
		return kind + ":" + id;
	}

}
