package org.govgrid.platform;

import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;

import jakarta.persistence.OptimisticLockException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into an RFC 9457 problem with a stable type; bad input names every
 * bad field in {@code errors}. No stack trace ever reaches a client.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	static final String INVALID_TITLE = "请求参数错误 / Invalid request";

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		return invalidInput(ex.errors().stream().map(e -> Map.of("field", e.field(), "message", e.message())).toList());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return ApiProblems.problem(HttpStatus.NOT_FOUND, ApiProblems.NOT_FOUND, "对象不存在 / Not found", ex.getMessage());
	}

	/**
	 * The disk under the file store is full: 507, nothing kept of the upload. An operator
	 * has to act, so it is logged at WARN (without the file's name).
	 */
	@ExceptionHandler(InsufficientStorageException.class)
	ProblemDetail insufficientStorage(InsufficientStorageException ex) {
		log.warn("Upload refused, storage full: {}", ex.getMessage());
		return ApiProblems.problem(HttpStatus.INSUFFICIENT_STORAGE, ApiProblems.INSUFFICIENT_STORAGE,
				"存储空间不足 / Insufficient storage",
				"The file store is full; nothing was saved. Try again later or ask the operator / 文件存储空间已满，未保存任何内容，请稍后重试或联系运维人员");
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		return ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.CONFLICT, "状态冲突 / Conflict", ex.getMessage());
	}

	/**
	 * The one mapping for every workflow's illegal step (events, alerts, patrols ...).
	 */
	@ExceptionHandler(IllegalTransitionException.class)
	ProblemDetail illegalTransition(IllegalTransitionException ex) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.ILLEGAL_TRANSITION, ex.title(),
				ex.getMessage());
		problem.setProperty("action", ex.attemptedAction());
		problem.setProperty(ex.stateProperty(), ex.currentState());
		return problem;
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, OptimisticLockException.class })
	ProblemDetail concurrentChange(RuntimeException ex) {
		return ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.CONFLICT, "状态冲突 / Conflict",
				"The object was changed by someone else; reload and try again / 对象已被他人修改，请刷新后重试");
	}

	@ExceptionHandler(DataIntegrityViolationException.class)
	ProblemDetail integrity(DataIntegrityViolationException ex) {
		// SQLSTATE class 22 is "data exception": a value PostgreSQL cannot take, i.e. bad
		// input
		if (ex.getMostSpecificCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
				&& sql.getSQLState().startsWith("22")) {
			log.debug("Data exception {}: {}", sql.getSQLState(), sql.getMessage());
			return invalidInput(List
				.of(Map.of("field", "query", "message", "a value is out of range or not allowed / 参数值超出范围或包含非法字符")));
		}
		log.info("Integrity violation: {}", ex.getMostSpecificCause().getClass().getSimpleName());
		return ApiProblems.problem(HttpStatus.CONFLICT, ApiProblems.CONFLICT, "状态冲突 / Conflict",
				"The change conflicts with existing data (duplicate or still referenced) / 与现有数据冲突（重复或仍被引用）");
	}

	/**
	 * A multipart body that does not parse (cut short, longer than announced, a broken
	 * boundary) is the client's fault: 400 on the file, not a 500. Too large stays 413
	 * (the more specific handler of {@link ResponseEntityExceptionHandler}).
	 */
	@ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	ResponseEntity<Object> brokenMultipart(org.springframework.web.multipart.MultipartException ex) {
		return ResponseEntity.badRequest()
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(invalidInput(List.of(Map.of("field", "file", "message",
					"the upload is malformed or its length does not match / 上传内容格式错误或长度不符"))));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		return invalidInput(List.of(Map.of("field", ex.getName(), "message", "has the wrong type / 类型不正确")));
	}

	// Security exceptions must reach Spring Security's handlers (401/403), not the 500
	// below.
	@ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
	void rethrowSecurity(RuntimeException ex) {
		throw ex;
	}

	/**
	 * The database away or slower than the statement timeout: 503 with Retry-After, one
	 * warning per outage window in the log (see {@link DatabaseOutage}).
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
			QueryTimeoutException.class, SQLTransientConnectionException.class })
	ResponseEntity<Object> databaseUnavailable(Exception ex) {
		if (!DatabaseOutage.causedBy(ex) && !DatabaseOutage.metInThisRequest()) {
			return ResponseEntity.internalServerError().body(unexpected(ex));
		}
		DatabaseOutage.record("request", ex);
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS))
			.body(DatabaseOutage.problem());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpectedOrOutage(Exception ex) {
		// a connection lost at commit, an outage wrapped by a library, or whatever failed
		// after the request met the outage
		if (DatabaseOutage.causedBy(ex) || DatabaseOutage.metInThisRequest()) {
			return databaseUnavailable(ex);
		}
		return ResponseEntity.internalServerError().body(unexpected(ex));
	}

	private static ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error", ex);
		return ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, ApiProblems.INTERNAL, "服务器内部错误 / Internal error",
				"An unexpected error occurred / 发生意外错误");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(fromBinding(ex));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap(r -> r.getResolvableErrors()
				.stream()
				.map(e -> Map.of("field",
						r.getMethodParameter().getParameterName() == null ? "?"
								: r.getMethodParameter().getParameterName(),
						"message", String.valueOf(e.getDefaultMessage()))))
			.toList();
		return ResponseEntity.badRequest().body(invalidInput(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = JsonErrorFields.fieldOf(ex);
		String message = JsonErrorFields.isInvalidText(ex) ? TextRules.MESSAGE
				: "malformed JSON or wrong type / JSON 格式或字段类型错误";
		return ResponseEntity.badRequest().body(invalidInput(List.of(Map.of("field", field, "message", message))));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (ex instanceof BindException bind) {
			return ResponseEntity.badRequest().body(fromBinding(bind));
		}
		if (body instanceof ProblemDetail problem && problem.getType() != null
				&& "about:blank".equals(problem.getType().toString())) {
			problem.setType(statusCode.value() == 404 ? ApiProblems.NOT_FOUND
					: statusCode.is4xxClientError() ? ApiProblems.INVALID_INPUT : ApiProblems.INTERNAL);
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static ProblemDetail fromBinding(BindException ex) {
		List<Map<String, String>> errors = new java.util.ArrayList<>();
		ex.getFieldErrors()
			.forEach(e -> errors.add(Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage()))));
		ex.getGlobalErrors()
			.forEach(e -> errors
				.add(Map.of("field", e.getObjectName(), "message", String.valueOf(e.getDefaultMessage()))));
		return invalidInput(errors);
	}

	static ProblemDetail invalidInput(List<Map<String, String>> errors) {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, ApiProblems.INVALID_INPUT, INVALID_TITLE,
				errors.size() + " field(s) invalid / " + errors.size() + " 个字段有误");
		problem.setProperty("errors", errors);
		return problem;
	}

}
