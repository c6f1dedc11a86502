package org.govgrid.identity;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.govgrid.platform.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute session limit (12 h by default): however active, a session older than that
 * is ended and the user signs in again. The idle limit is the session timeout itself.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

	private final Duration absoluteTimeout;

	private final SecurityProblems problems;

	SessionLifetimeFilter(Duration absoluteTimeout, SecurityProblems problems) {
		this.absoluteTimeout = absoluteTimeout;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null
				&& System.currentTimeMillis() - session.getCreationTime() > this.absoluteTimeout.toMillis()) {
			session.invalidate();
			SecurityContextHolder.clearContext();
			if (request.getRequestURI().startsWith("/api/")) {
				this.problems.write(response, HttpStatus.UNAUTHORIZED, ApiProblems.SESSION_EXPIRED,
						"会话已过期 / Session expired", "Sign in again / 请重新登录");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
