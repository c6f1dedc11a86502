package org.govgrid.platform;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Stable RFC 9457 problem types. Clients switch on {@code type}; titles are bilingual so
 * that a log or a curl user can read them without the console.
 */
public final class ApiProblems {

	public static final String BASE = "https://govgrid.org/problems/";

	public static final URI INVALID_INPUT = type("invalid-input");

	public static final URI NOT_FOUND = type("not-found");

	public static final URI CONFLICT = type("conflict");

	public static final URI ILLEGAL_STATE = type("illegal-state");

	/** A workflow step its current state (or actor) does not allow: 409. */
	public static final URI ILLEGAL_TRANSITION = type("illegal-transition");

	public static final URI UNAUTHENTICATED = type("unauthenticated");

	public static final URI BAD_CREDENTIALS = type("bad-credentials");

	public static final URI SESSION_EXPIRED = type("session-expired");

	public static final URI FORBIDDEN = type("forbidden");

	public static final URI PASSWORD_CHANGE_REQUIRED = type("password-change-required");

	public static final URI INTERNAL = type("internal-error");

	/**
	 * The database is away or slower than the statement timeout: 503 with Retry-After.
	 */
	public static final URI SERVICE_UNAVAILABLE = type("service-unavailable");

	/** The file store's disk is full (or below its free-space reserve): 507. */
	public static final URI INSUFFICIENT_STORAGE = type("insufficient-storage");

	private ApiProblems() {
	}

	public static URI type(String slug) {
		return URI.create(BASE + slug);
	}

	public static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

}
