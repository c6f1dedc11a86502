package org.govgrid.openplatform;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of {@link Open311Controller} in Open311's format, ahead of the platform's
 * RFC 9457 answers; security exceptions go on to Spring Security (401/403 in
 * {@link Open311Errors}).
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Advice {

	private static final Logger log = LoggerFactory.getLogger(Open311Advice.class);

	private final JsonMapper json;

	Open311Advice(JsonMapper json) {
		this.json = json;
	}

	@ExceptionHandler(Open311Exception.class)
	ResponseEntity<String> open311(Open311Exception ex, HttpServletRequest request) {
		return Open311Format.ofPath(request.getRequestURI()).errors(ex.status(), ex.errors(), this.json);
	}

	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrowSecurity(RuntimeException ex) {
		throw ex;
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<String> unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected Open311 error", ex);
		return open311(new Open311Exception(HttpStatus.INTERNAL_SERVER_ERROR, "internal error / 服务器内部错误"), request);
	}

}
