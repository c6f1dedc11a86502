package org.govgrid.supervision;

import org.govgrid.platform.ApiProblems;
import org.govgrid.supervision.model.IllegalSupervisionTransitionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A move the supervision item does not allow is a 409 saying what and why. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SupervisionProblems {

	@ExceptionHandler(IllegalSupervisionTransitionException.class)
	ProblemDetail illegalTransition(IllegalSupervisionTransitionException ex) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.type("illegal-transition"),
				"不允许的督办操作 / Illegal transition", ex.getMessage());
		problem.setProperty("action", ex.action());
		problem.setProperty("state", ex.state().name());
		return problem;
	}

}
