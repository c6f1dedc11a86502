package org.govgrid.event;

import org.govgrid.event.model.IllegalTransitionException;
import org.govgrid.platform.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A move the lifecycle does not allow is a 409 saying what and why. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EventProblems {

	static final java.net.URI ILLEGAL_TRANSITION = ApiProblems.type("illegal-transition");

	@ExceptionHandler(IllegalTransitionException.class)
	ProblemDetail illegalTransition(IllegalTransitionException ex) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ILLEGAL_TRANSITION,
				"不允许的事件操作 / Illegal transition", ex.getMessage());
		problem.setProperty("action", ex.action().code());
		problem.setProperty("status", ex.status().name());
		return problem;
	}

	@ExceptionHandler(EventDispatch.BatchRejectedException.class)
	ProblemDetail batchRejected(EventDispatch.BatchRejectedException ex) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ILLEGAL_TRANSITION,
				"部分事件无法派遣 / Some events cannot be assigned", ex.getMessage());
		problem.setProperty("errors",
				ex.errors()
					.list()
					.stream()
					.map(e -> java.util.Map.of("field", e.field(), "message", e.message()))
					.toList());
		return problem;
	}

}
