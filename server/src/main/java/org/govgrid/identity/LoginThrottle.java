package org.govgrid.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.govgrid.platform.GovGridProperties;

import org.springframework.stereotype.Component;

/**
 * Rate limit on sign-in attempts per client address (DESIGN §6), on top of the
 * per-account lockout: it slows down password spraying across many accounts. Per node, in
 * memory.
 */
@Component
class LoginThrottle {

	private static final int MAX_TRACKED = 50_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final int perMinute;

	LoginThrottle(GovGridProperties properties) {
		this.perMinute = properties.security().loginAttemptsPerMinute();
	}

	boolean tryAcquire(String clientAddress) {
		if (this.buckets.size() > MAX_TRACKED) {
			this.buckets.clear();
		}
		return this.buckets
			.computeIfAbsent(clientAddress == null ? "?" : clientAddress,
					key -> Bucket.builder()
						.addLimit(Bandwidth.builder()
							.capacity(this.perMinute)
							.refillGreedy(this.perMinute, Duration.ofMinutes(1))
							.build())
						.build())
			.tryConsume(1);
	}

}
