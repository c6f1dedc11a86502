package org.govgrid.openplatform;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox of webhook deliveries. {@link #enqueue} runs inside the
 * transaction that made the change: one row per enabled webhook of an enabled client
 * whose region covers the change, due at once. Nothing is sent from here; the
 * {@link WebhookWorker} reads committed rows only, so a rolled-back change sends nothing
 * and a crash after commit loses nothing.
 */
@Component
class WebhookOutbox {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	WebhookOutbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Queues the change for every subscriber in whose region it lies; their count. */
	int enqueue(WebhookType type, String regionPath, Map<String, Object> resource) {
		if (regionPath == null) {
			return 0;
		}
		return this.jdbc.sql("""
				insert into open_webhook_delivery (webhook_id, event_type, region_path, resource, occurred_at,
				    retry_since, next_attempt_at, created_at)
				select w.id, :type, :path, cast(:resource as jsonb), :now, :now, :now, :now
				from open_webhook w join open_api_client c on c.id = w.client_id
				where w.enabled and c.enabled and :type = any (w.event_types)
				  and (:path = c.region_path or :path like c.region_path || '/%')""")
			.param("type", type.code())
			.param("path", regionPath)
			.param("resource", this.json.writeValueAsString(resource))
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

}
