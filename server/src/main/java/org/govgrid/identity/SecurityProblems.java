package org.govgrid.identity;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ApiProblems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes 401 and 403 as RFC 9457 problems and audits every denial (one row each).
 */
@Component
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final AuditTrail audit;

	SecurityProblems(JsonMapper json, AuditTrail audit) {
		this.json = json;
		this.audit = audit;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(response, HttpStatus.UNAUTHORIZED, ApiProblems.UNAUTHENTICATED, "未登录 / Not signed in",
				"Sign in first / 请先登录");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		String reason = ex instanceof CsrfException ? "CSRF token missing or invalid / CSRF 令牌缺失或无效"
				: "permission missing / 缺少权限";
		deny(request, response, ApiProblems.FORBIDDEN, "无权访问 / Forbidden", reason);
	}

	void deny(HttpServletRequest request, HttpServletResponse response, URI type, String title, String reason)
			throws IOException {
		this.audit.record(new AuditRecord("ACCESS_DENIED", "endpoint",
				request.getMethod() + " " + request.getRequestURI(), AuditOutcome.DENIED, reason, null));
		write(response, HttpStatus.FORBIDDEN, type, title, reason);
	}

	void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
			throws IOException {
		ProblemDetail problem = ApiProblems.problem(status, type, title, detail);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getOutputStream(), problem);
	}

}
