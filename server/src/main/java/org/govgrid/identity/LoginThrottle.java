package org.govgrid.identity;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.govgrid.platform.GovGridProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Rate limit on sign-in attempts (and password-change attempts) per client address
 * (DESIGN §6), on top of the per-account lockout: it slows down password spraying across
 * many accounts. Per node, in memory. The address is the connection's unless a trusted
 * proxy vouches for another (platform's TrustedProxies).
 */
@Component
class LoginThrottle {

	static final int MAX_TRACKED = 50_000;

	/**
	 * Access-ordered: when full the least recently seen address is dropped, so someone
	 * varying addresses cannot reset everyone else's limit by filling the map.
	 */
	private final Map<String, Bucket> buckets;

	private final int perMinute;

	@Autowired
	LoginThrottle(GovGridProperties properties) {
		this(properties.security().loginAttemptsPerMinute(), MAX_TRACKED);
	}

	LoginThrottle(int perMinute, int maxTracked) {
		this.perMinute = perMinute;
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxTracked;
			}

		};
	}

	boolean tryAcquire(String clientAddress) {
		String key = clientAddress == null ? "?" : clientAddress;
		Bucket bucket;
		synchronized (this.buckets) {
			bucket = this.buckets.computeIfAbsent(key, k -> newBucket());
		}
		return bucket.tryConsume(1);
	}

	/** How many addresses are tracked now. */
	int tracked() {
		synchronized (this.buckets) {
			return this.buckets.size();
		}
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder()
				.capacity(this.perMinute)
				.refillGreedy(this.perMinute, Duration.ofMinutes(1))
				.build())
			.build();
	}

}
