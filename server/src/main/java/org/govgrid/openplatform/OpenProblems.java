package org.govgrid.openplatform;

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
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problems for bearer-token calls: 401 with the RFC 6750 challenge, 403 audited
 * like a person's, 429 with {@code Retry-After}.
 */
@Component
class OpenProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final URI RATE_LIMITED = ApiProblems.type("rate-limited");

	static final URI ADDRESS_NOT_ALLOWED = ApiProblems.type("address-not-allowed");

	private final JsonMapper json;

	private final AuditTrail audit;

	OpenProblems(JsonMapper json, AuditTrail audit) {
		this.json = json;
		this.audit = audit;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
		write(response, HttpStatus.UNAUTHORIZED, ApiProblems.UNAUTHENTICATED, "令牌无效 / Invalid token",
				"The access token is missing, invalid or expired, or its client is disabled / 访问令牌缺失、无效或已过期，或接入应用已停用");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		deny(request, response, ApiProblems.FORBIDDEN, "无权访问 / Forbidden", "scope missing / 令牌的权限范围不包含此操作");
	}

	void deny(HttpServletRequest request, HttpServletResponse response, URI type, String title, String reason)
			throws IOException {
		this.audit.record(new AuditRecord("ACCESS_DENIED", "endpoint",
				request.getMethod() + " " + request.getRequestURI(), AuditOutcome.DENIED, reason, null));
		response.setHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
		write(response, HttpStatus.FORBIDDEN, type, title, reason);
	}

	void tooManyRequests(HttpServletResponse response, long retryAfterSeconds) throws IOException {
		response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
		write(response, HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED, "请求过于频繁 / Too many requests",
				"The client's rate limit is used up; retry after " + retryAfterSeconds + " s / 已超过接入应用的调用频率限制，请在 "
						+ retryAfterSeconds + " 秒后重试");
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
