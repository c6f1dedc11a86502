package org.govgrid.openplatform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import org.govgrid.platform.IdentifierProtection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries from the outbox. Each delivery is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and leased (its next attempt moved past the longest
 * send) in one short transaction, so two threads or two nodes never send the same
 * delivery at once; the attempt and the next due time are written after the send. Holds
 * no state of its own: whatever is committed in the table is what gets sent, by this node
 * or by any other, now or after a restart.
 */
@Component
class WebhookWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

	/**
	 * Deliveries one thread sends per poll at most, so a backlog does not hog the job.
	 */
	private static final int PER_POLL = 50;

	/** Added to the timeouts of one send to make the lease of a claimed delivery. */
	private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final IdentifierProtection sealing;

	private final WebhookSender sender;

	private final RetrySchedule retries;

	private final WebhookProperties properties;

	private final Clock clock;

	private final ExecutorService threads;

	private volatile boolean running;

	WebhookWorker(JdbcClient jdbc, PlatformTransactionManager transactions, IdentifierProtection sealing,
			WebhookProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.sealing = sealing;
		this.sender = new WebhookSender(properties, clock);
		this.retries = new RetrySchedule(properties.retryFor());
		this.properties = properties;
		this.clock = clock;
		this.threads = Executors.newFixedThreadPool(Math.max(1, properties.threads()), WebhookWorker::daemon);
	}

	@Scheduled(fixedDelayString = "${govgrid.open.webhooks.poll:1s}",
			initialDelayString = "${govgrid.open.webhooks.poll:1s}")
	void poll() {
		if (this.running) {
			deliverDue(() -> this.running);
		}
	}

	/** Sends what is due with the configured threads; the number of attempts made. */
	int deliverDue() {
		return deliverDue(() -> true);
	}

	private int deliverDue(BooleanSupplier going) {
		List<Future<Integer>> work = new ArrayList<>();
		for (int i = 0; i < Math.max(1, this.properties.threads()); i++) {
			work.add(this.threads.submit(() -> drain(going)));
		}
		int attempts = 0;
		for (Future<Integer> done : work) {
			try {
				attempts += done.get();
			}
			catch (ExecutionException ex) {
				log.warn("Webhook delivery failed unexpectedly", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return attempts;
	}

	private int drain(BooleanSupplier going) {
		int sent = 0;
		while (sent < PER_POLL && going.getAsBoolean() && attemptOne()) {
			sent++;
		}
		return sent;
	}

	private record Due(long id, String type, String resource, Instant occurredAt, int attempts, int roundAttempts,
			Instant retrySince, String url, String secretSealed) {
	}

	/**
	 * Claims one due delivery, sends it, records the attempt; false when none was due.
	 * The claim and the record are two short transactions: no transaction (and no row
	 * lock) stays open while a receiver takes its time.
	 */
	private boolean attemptOne() {
		Instant now = this.clock.instant();
		Optional<Due> claimed = this.transactions.execute(status -> claim(now));
		if (claimed == null || claimed.isEmpty()) {
			return false;
		}
		Due due = claimed.get();
		WebhookSender.Outcome outcome = this.sender.send(due.url(), this.sealing.openText(due.secretSealed()), due.id(),
				due.type(), body(due));
		this.transactions.executeWithoutResult(status -> record(due, now, outcome));
		return true;
	}

	/**
	 * Takes the next due delivery ({@code SKIP LOCKED}: another node's claim is passed
	 * by) whose resource has no earlier delivery to the same webhook still pending or in
	 * flight (so a receiver hears of one event in order: reported before closed), and
	 * leases it: its next attempt moves past the longest send, so no other thread or node
	 * takes it meanwhile; if this node dies mid-send, the lease runs out and another
	 * sends it.
	 */
	private Optional<Due> claim(Instant now) {
		Instant lease = now.plus(this.properties.connectTimeout())
			.plus(this.properties.requestTimeout())
			.plus(LEASE_MARGIN);
		return this.jdbc.sql("""
				update open_webhook_delivery d set next_attempt_at = :lease
				from (select d2.id from open_webhook_delivery d2 join open_webhook w2 on w2.id = d2.webhook_id
				          join open_api_client c on c.id = w2.client_id
				      where d2.status = 'PENDING' and d2.next_attempt_at <= :now and w2.enabled and c.enabled
				        and not exists (select 1 from open_webhook_delivery e
				                        where e.webhook_id = d2.webhook_id and e.status = 'PENDING' and e.id < d2.id
				                          and e.resource -> 'id' = d2.resource -> 'id')
				      order by d2.next_attempt_at, d2.id limit 1
				      for update of d2 skip locked) due, open_webhook w
				where d.id = due.id and w.id = d.webhook_id
				returning d.id, d.event_type, d.resource::text as resource, d.occurred_at, d.attempts,
				    d.round_attempts, d.retry_since, w.url, w.secret_sealed""")
			.param("now", Timestamp.from(now))
			.param("lease", Timestamp.from(lease))
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getString("event_type"), rs.getString("resource"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getInt("attempts"), rs.getInt("round_attempts"),
					rs.getTimestamp("retry_since").toInstant(), rs.getString("url"), rs.getString("secret_sealed")))
			.optional();
	}

	private void record(Due due, Instant started, WebhookSender.Outcome outcome) {
		Instant after = this.clock.instant();
		Optional<Instant> next = outcome.delivered() ? Optional.empty()
				: this.retries.next(due.roundAttempts() + 1, due.retrySince(), after);
		String status = outcome.delivered() ? "DELIVERED" : next.isPresent() ? "PENDING" : "DEAD";
		Timestamp nextAt = next.map(Timestamp::from).orElse(null);
		this.jdbc.sql("""
				insert into open_webhook_attempt (delivery_id, attempt, started_at, duration_ms, status_code, error,
				    next_attempt_at)
				values (:id, :attempt, :started, :duration, :code, :error, :next)""")
			.param("id", due.id())
			.param("attempt", due.attempts() + 1)
			.param("started", Timestamp.from(started))
			.param("duration", (int) Math.min(Integer.MAX_VALUE, outcome.durationMs()))
			.param("code", outcome.status())
			.param("error", outcome.error())
			.param("next", nextAt)
			.update();
		this.jdbc.sql("""
				update open_webhook_delivery set status = :status, attempts = attempts + 1,
				    round_attempts = round_attempts + 1, next_attempt_at = :next, last_status = :code,
				    last_error = :error, delivered_at = :delivered
				where id = :id""")
			.param("id", due.id())
			.param("status", status)
			.param("next", nextAt)
			.param("code", outcome.status())
			.param("error", outcome.error())
			.param("delivered", outcome.delivered() ? Timestamp.from(after) : null)
			.update();
		if ("DEAD".equals(status)) {
			log.warn("Webhook delivery {} ({}) is dead after {} attempts", due.id(), due.type(), due.attempts() + 1);
		}
	}

	/** The signed body: {@code {id, type, time, resource}}. */
	static String body(long id, String type, Instant time, String resourceJson) {
		return "{\"id\":" + id + ",\"type\":\"" + type + "\",\"time\":\"" + DateTimeFormatter.ISO_INSTANT.format(time)
				+ "\",\"resource\":" + resourceJson + "}";
	}

	private static String body(Due due) {
		return body(due.id(), due.type(), due.occurredAt(), due.resource());
	}

	private static Thread daemon(Runnable task) {
		Thread thread = new Thread(task, "govgrid-webhook");
		thread.setDaemon(true);
		return thread;
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Stops polling (a shutting-down node); what is queued stays for the others. */
	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
