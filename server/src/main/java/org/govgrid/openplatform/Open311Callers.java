package org.govgrid.openplatform;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.DataScope;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who calls Open311: nobody (the public reads), or an API client holding scope
 * {@code open311}, by its bearer token or by {@code api_key} (its client id) with
 * {@code api_secret}. Bad credentials are 403 as GeoReport v2 says, never a silent
 * anonymous call; a client calls from its allowed addresses, within its rate limit (the
 * same per-minute budget as on {@code /api}), and each of its calls is audited as it.
 */
final class Open311Callers extends OncePerRequestFilter {

	static final String SCOPE = "open311";

	private final JwtDecoder decoder;

	private final ApiClients clients;

	private final EnabledClients registered;

	private final PasswordEncoder encoder;

	private final Open311Errors errors;

	private final AuditTrail audit;

	Open311Callers(JwtDecoder decoder, ApiClients clients, EnabledClients registered, PasswordEncoder encoder,
			Open311Errors errors, AuditTrail audit) {
		this.decoder = decoder;
		this.clients = clients;
		this.registered = registered;
		this.encoder = encoder;
		this.errors = errors;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
		String apiKey = request.getParameter("api_key");
		if (!bearer && (apiKey == null || apiKey.isBlank())) {
			chain.doFilter(request, response);
			return;
		}
		ClientAuthentication client = bearer ? byToken(authorization.substring(7).strip())
				: byKey(apiKey.strip(), request.getParameter("api_secret"));
		if (client == null) {
			this.errors.deny(request, response, "Invalid api_key / 接入应用凭证无效 (api_key + api_secret, or bearer token)");
			return;
		}
		// denials below are audited as the client
		SecurityContextHolder.getContext().setAuthentication(client);
		if (client.getAuthorities().stream().noneMatch(a -> ("SCOPE_" + SCOPE).equals(a.getAuthority()))) {
			this.errors.deny(request, response, "the client has no scope open311 / 接入应用未获 open311 权限");
			return;
		}
		ApiClients.ClientAccess access = client.access();
		if (!access.allows(request.getRemoteAddr())) {
			this.errors.deny(request, response, "address not allowed / 调用方地址不在接入应用允许的地址段内");
			return;
		}
		String endpoint = request.getMethod() + " " + request.getRequestURI();
		ConsumptionProbe probe = ClientGuard.bucket(access).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			long retryAfter = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
			this.audit.record(new AuditRecord("API_CALL", "endpoint", endpoint, AuditOutcome.DENIED,
					"status=429 client=" + access.clientId(), null));
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
			this.errors.write(request, response, new Open311Exception(HttpStatus.TOO_MANY_REQUESTS,
					"rate limit used up; retry after " + retryAfter + " s / 调用过于频繁，请在 " + retryAfter + " 秒后重试"));
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

	/** A verified token of an enabled client, or null. */
	private ClientAuthentication byToken(String token) {
		try {
			Jwt jwt = this.decoder.decode(token);
			return ClientAuthentication.converter(this.clients).convert(jwt);
		}
		catch (RuntimeException ex) {
			// a bad, expired or forged token, or a disabled client
			return null;
		}
	}

	/**
	 * An enabled client whose secret matches, with every scope it holds, or null. One
	 * bcrypt check per call: systems that call often should take a token.
	 */
	private ClientAuthentication byKey(String clientId, String secret) {
		if (secret == null || secret.isEmpty()) {
			return null;
		}
		ApiClients.ClientAccess access = this.clients.access(clientId)
			.filter(ApiClients.ClientAccess::enabled)
			.orElse(null);
		RegisteredClient client = access == null ? null : this.registered.findByClientId(clientId);
		if (client == null || client.getClientSecret() == null
				|| !this.encoder.matches(secret, client.getClientSecret())) {
			return null;
		}
		Set<String> scopes = new TreeSet<>(access.scopes());
		Set<String> permissions = OpenScope.permissionsOf(scopes);
		ApiClientPrincipal principal = new ApiClientPrincipal(access.serviceUserId(),
				ApiClientPrincipal.usernameOf(clientId), access.name(),
				new DataScope(access.regionId(), access.regionPath()), permissions, clientId);
		List<GrantedAuthority> authorities = new ArrayList<>();
		permissions.forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
		scopes.forEach(s -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + s)));
		return new ClientAuthentication(principal, access, null, authorities);
	}

}
