package org.govgrid.warning;

import org.govgrid.platform.ApiProblems;
import org.govgrid.warning.model.IllegalAlertTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A move the alert lifecycle does not allow is a 409 saying what and why. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WarningProblems {

	static final java.net.URI ILLEGAL_TRANSITION = ApiProblems.type("illegal-transition");

	@ExceptionHandler(IllegalAlertTransitionException.class)
	ProblemDetail illegalTransition(IllegalAlertTransitionException ex) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ILLEGAL_TRANSITION,
				"不允许的预警操作 / Illegal transition", ex.getMessage());
		problem.setProperty("action", ex.action());
		problem.setProperty("status", ex.status().name());
		return problem;
	}

}
