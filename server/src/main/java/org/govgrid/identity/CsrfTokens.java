package org.govgrid.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * The SPA's CSRF tokens (cookie {@code XSRF-TOKEN}, readable by script) in one place, so
 * that the JSON sign-in can issue a fresh token: sign-in runs in a controller, not in a
 * Spring Security filter whose authentication strategy would rotate it.
 */
@Component
class CsrfTokens {

	private final CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();

	CsrfTokenRepository repository() {
		return this.repository;
	}

	/** A token known before sign-in (possibly planted) is not the one used after it. */
	void rotate(HttpServletRequest request, HttpServletResponse response) {
		this.repository.saveToken(this.repository.generateToken(request), request, response);
	}

}
