package org.govgrid.event;

import org.govgrid.platform.ApiProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A batch assignment some events cannot take is a 409 naming each of them (a single
 * illegal move is mapped in platform, like every workflow's).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EventProblems {

	@ExceptionHandler(EventDispatch.BatchRejectedException.class)
	ProblemDetail batchRejected(EventDispatch.BatchRejectedException ex) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.ILLEGAL_TRANSITION,
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
