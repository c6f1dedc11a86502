package org.govgrid.openplatform;

import java.time.Instant;
import java.util.List;

/**
 * One delivery of the log: what was sent where, its state ({@code PENDING},
 * {@code DELIVERED}, {@code DEAD}) and every attempt, oldest first.
 */
record DeliveryView(long id, long webhookId, long clientId, String clientName, String url, String eventType,
		String status, int attemptCount, Instant occurredAt, Instant nextAttemptAt, Integer lastStatus,
		String lastError, Instant deliveredAt, Instant createdAt, List<Attempt> attempts) {

	/**
	 * One attempt: when, how long, the status code or the error, when the next was due.
	 */
	record Attempt(int attempt, Instant startedAt, int durationMs, Integer statusCode, String error,
			Instant nextAttemptAt) {
	}

	DeliveryView withAttempts(List<Attempt> attempts) {
		return new DeliveryView(this.id, this.webhookId, this.clientId, this.clientName, this.url, this.eventType,
				this.status, this.attemptCount, this.occurredAt, this.nextAttemptAt, this.lastStatus, this.lastError,
				this.deliveredAt, this.createdAt, attempts);
	}

}
