package org.govgrid.openplatform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import tools.jackson.databind.json.JsonMapper;

/**
 * Open311's errors where Spring Security answers (no credentials: 401; a client without
 * the permission: 403, audited) and where the caller filter refuses (bad api_key: 403 as
 * the spec says; past the rate limit: 429 with {@code Retry-After}), in the format the
 * path's extension asks for.
 */
final class Open311Errors implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final AuditTrail audit;

	Open311Errors(JsonMapper json, AuditTrail audit) {
		this.json = json;
		this.audit = audit;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		write(request, response, new Open311Exception(HttpStatus.UNAUTHORIZED,
				"api_key required: the api_key (client id) and api_secret of a client with scope open311, or its bearer token / 需要接入应用凭证"));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		deny(request, response, "the client may not do this / 接入应用无此权限");
	}

	/** 403, audited as a denial. */
	void deny(HttpServletRequest request, HttpServletResponse response, String description) throws IOException {
		this.audit
			.record(new AuditRecord("ACCESS_DENIED", "endpoint", request.getMethod() + " " + request.getRequestURI(),
					AuditOutcome.DENIED, "open311: " + description, null));
		write(request, response, new Open311Exception(HttpStatus.FORBIDDEN, description));
	}

	void write(HttpServletRequest request, HttpServletResponse response, Open311Exception error) throws IOException {
		Open311Format format = Open311Format.ofPath(request.getRequestURI());
		ResponseEntity<String> body = format.errors(error.status(), error.errors(), this.json);
		response.setStatus(error.status().value());
		response.setContentType(format.mediaType().toString());
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(body.getBody());
	}

}
