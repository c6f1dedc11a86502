package org.govgrid.basedata;

import org.govgrid.basedata.model.IllegalDisputeTransitionException;
import org.govgrid.platform.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A mediation step the lifecycle does not allow is a 409 saying what and why. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class BaseDataProblems {

	static final java.net.URI ILLEGAL_TRANSITION = ApiProblems.type("illegal-transition");

	@ExceptionHandler(IllegalDisputeTransitionException.class)
	ProblemDetail illegalTransition(IllegalDisputeTransitionException ex) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ILLEGAL_TRANSITION,
				"不允许的纠纷调解操作 / Illegal transition", ex.getMessage());
		problem.setProperty("action", ex.action().name());
		problem.setProperty("status", ex.status().name());
		return problem;
	}

}
