package org.govgrid.identity;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.platform.ApiProblems;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An initial, reset or expired password must be changed before anything else answers:
 * every API call but these few is 403 with the {@code password-change-required} type.
 */
class PasswordChangeGate extends OncePerRequestFilter {

	private static final Set<String> ALLOWED = Set.of("/api/v1/auth/me", "/api/v1/auth/password", "/api/v1/auth/logout",
			"/api/v1/auth/login", "/api/v1/config/public");

	private final SecurityProblems problems;

	PasswordChangeGate(SecurityProblems problems) {
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI();
		if (authentication != null && authentication.getPrincipal() instanceof GovGridPrincipal principal
				&& principal.mustChangePassword() && path.startsWith("/api/") && !ALLOWED.contains(path)) {
			this.problems.deny(request, response, ApiProblems.PASSWORD_CHANGE_REQUIRED,
					"请先修改密码 / Password change required",
					"Change your initial or expired password first / 请先修改初始密码或已过期的密码");
			return;
		}
		chain.doFilter(request, response);
	}

}
