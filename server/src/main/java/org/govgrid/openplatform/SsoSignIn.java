package org.govgrid.openplatform;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.govgrid.identity.SignInState;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Single sign-on goes through GovGrid's own sign-in page (the console's, with its
 * lockout, forced password change and audit): an authorization request without a session
 * is sent there with the request as its {@code redirect}, and one from a person who must
 * still change their password is sent to the change page first. The console returns to
 * the request afterwards, in the same session the authorization server reads (both chains
 * keep the security context in the Spring Session HTTP session).
 */
final class SsoSignIn extends OncePerRequestFilter implements AuthenticationEntryPoint {

	static final String AUTHORIZE = "/oauth2/authorize";

	static final RequestMatcher AUTHORIZATION_REQUEST = request -> "GET".equals(request.getMethod())
			&& AUTHORIZE.equals(path(request));

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		sendTo("/login", request, response);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication person = SecurityContextHolder.getContext().getAuthentication();
		if (AUTHORIZATION_REQUEST.matches(request) && SignInState.passwordChangeDue(person)) {
			sendTo("/change-password", request, response);
			return;
		}
		if (AUTHORIZE.equals(path(request)) && SignInState.userId(person) != null) {
			withSignInTime(person, request);
		}
		chain.doFilter(request, response);
	}

	/**
	 * The ID token's {@code auth_time} comes from the password factor's time, which the
	 * console's sign-in does not record: it is the session's creation (each sign-in
	 * starts a new session). Only this request's context changes; the session keeps its
	 * own.
	 */
	private static void withSignInTime(Authentication person, HttpServletRequest request) {
		boolean hasFactor = person.getAuthorities().stream().anyMatch(FactorGrantedAuthority.class::isInstance);
		HttpSession session = request.getSession(false);
		if (hasFactor || session == null) {
			return;
		}
		List<GrantedAuthority> authorities = new ArrayList<>(person.getAuthorities());
		authorities.add(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
			.issuedAt(Instant.ofEpochMilli(session.getCreationTime()))
			.build());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(person.getPrincipal(), null, authorities));
		SecurityContextHolder.setContext(context);
	}

	private static void sendTo(String page, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String target = path(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		response.sendRedirect(
				request.getContextPath() + page + "?redirect=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
