package org.govgrid.openplatform;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A client's webhook; {@code secret} only in the answer that made it (the one time it is
 * shown).
 */
record WebhookView(long id, long clientId, String clientName, String url, List<String> eventTypes, boolean enabled,
		Instant createdAt, Instant updatedAt, int version, @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

	WebhookView withSecret(String secret) {
		return new WebhookView(this.id, this.clientId, this.clientName, this.url, this.eventTypes, this.enabled,
				this.createdAt, this.updatedAt, this.version, secret);
	}

}
