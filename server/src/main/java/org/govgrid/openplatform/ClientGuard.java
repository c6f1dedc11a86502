package org.govgrid.openplatform;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after the token is verified: the caller's address must lie in the client's allowed
 * ranges (403), its per-minute budget must not be spent (429 with {@code Retry-After}),
 * and every call is audited as the client with its answer's status. Budgets are Bucket4j
 * buckets in this node's memory (greedy refill over a minute), keyed by client and limit
 * so a changed limit starts a fresh bucket; with several nodes each allows the limit (ADR
 * 0011).
 */
final class ClientGuard extends OncePerRequestFilter {

	private static final int MAX_TRACKED = 10_000;

	/** One budget per client whichever way it calls (the API and Open311 share it). */
	private static final Map<String, Bucket> BUCKETS = new ConcurrentHashMap<>();

	private final OpenProblems problems;

	private final AuditTrail audit;

	ClientGuard(OpenProblems problems, AuditTrail audit) {
		this.problems = problems;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(SecurityContextHolder.getContext().getAuthentication() instanceof ClientAuthentication client)) {
			chain.doFilter(request, response);
			return;
		}
		ApiClients.ClientAccess access = client.access();
		String endpoint = request.getMethod() + " " + request.getRequestURI();
		if (!access.allows(request.getRemoteAddr())) {
			this.problems.deny(request, response, OpenProblems.ADDRESS_NOT_ALLOWED, "来源地址不允许 / Address not allowed",
					"the caller's address is outside the client's allowed ranges / 调用方地址不在接入应用允许的地址段内");
			return;
		}
		ConsumptionProbe probe = bucket(access).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long retryAfter = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
			this.audit.record(new AuditRecord("API_CALL", "endpoint", endpoint, AuditOutcome.DENIED,
					"status=429 client=" + access.clientId(), null));
			this.problems.tooManyRequests(response, retryAfter);
			return;
		}
		response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			AuditOutcome outcome = status < 400 ? AuditOutcome.SUCCESS
					: (status == 401 || status == 403) ? AuditOutcome.DENIED : AuditOutcome.FAILURE;
			this.audit.record(new AuditRecord("API_CALL", "endpoint", endpoint, outcome,
					"status=" + status + " client=" + access.clientId(), null));
		}
	}

	static Bucket bucket(ApiClients.ClientAccess access) {
		if (BUCKETS.size() > MAX_TRACKED) {
			BUCKETS.clear();
		}
		int perMinute = access.rateLimitPerMinute();
		return BUCKETS.computeIfAbsent(access.clientId() + "/" + perMinute, key -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
			.build());
	}

}
