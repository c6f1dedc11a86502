package org.govgrid.openplatform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code govgrid.open.webhooks}: whether a webhook may use plain http to a
 * loopback or private address (off: https only; tests and in-house receivers turn it on),
 * how often the worker looks for due deliveries and with how many threads, the timeouts
 * of one attempt, and how long a delivery is retried before it is dead.
 */
@ConfigurationProperties("govgrid.open.webhooks")
record WebhookProperties(@DefaultValue("false") boolean allowPrivateHttp, @DefaultValue("1s") Duration poll,
		@DefaultValue("2") int threads, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration requestTimeout, @DefaultValue("24h") Duration retryFor) {
}
