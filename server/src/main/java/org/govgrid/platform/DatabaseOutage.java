package org.govgrid.platform;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means "the database is away or too slow right now" — no
 * connection within the pool's timeout, a connection dropped, a statement cancelled by
 * {@code statement_timeout} — so that it is answered as a 503 with {@code Retry-After}
 * (the client may retry the same request, with the same {@code Idempotency-Key}), not as
 * a 500 with a stack trace in the log on every request.
 */
final class DatabaseOutage {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);

	/** Seconds a client is told to wait before retrying. */
	static final int RETRY_AFTER_SECONDS = 5;

	static final String TITLE = "服务暂不可用 / Service unavailable";

	static final String DETAIL = "The database is unavailable or too slow; retry in a few seconds / 数据库暂不可用或响应过慢，请稍后重试";

	/** One warning per outage window, not one per request. */
	private static final long LOG_EVERY_MILLIS = 10_000;

	/**
	 * SQLSTATEs of an unavailable or overloaded database: connection exceptions (08),
	 * statement timeout or cancel (57014), shutdown and start-up (57P01–57P03),
	 * insufficient resources (53: disk full, out of memory, too many connections) and
	 * system (I/O) errors (58).
	 */
	private static final Set<String> STATE_CLASSES = Set.of("08", "53", "58");

	private static final Set<String> STATES = Set.of("57014", "57P01", "57P02", "57P03");

	private static final AtomicLong lastLogged = new AtomicLong();

	private static final AtomicLong suppressed = new AtomicLong();

	/**
	 * Set while a request runs (by {@link DatabaseOutageFilter}): true once it met the
	 * outage.
	 */
	private static final ThreadLocal<boolean[]> request = new ThreadLocal<>();

	private DatabaseOutage() {
	}

	/**
	 * True when {@code failure} or one of its causes says the database is unavailable.
	 */
	static boolean causedBy(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() == 5) {
				String state = sql.getSQLState();
				if (STATES.contains(state) || STATE_CLASSES.contains(state.substring(0, 2))) {
					return true;
				}
			}
			if (t instanceof CannotCreateTransactionException || t instanceof QueryTimeoutException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
					|| t instanceof jakarta.persistence.QueryTimeoutException
					|| t instanceof org.hibernate.exception.JDBCConnectionException) {
				return true;
			}
			if (t instanceof DataAccessResourceFailureException && !programLimit(t)) {
				return true;
			}
			if (lostConnection(t)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A rollback or commit on a connection the pool already closed as broken: what is
	 * left when the rollback's failure replaced the original I/O error (Spring's
	 * {@code TransactionTemplate} rethrows the rollback's exception).
	 */
	private static boolean lostConnection(Throwable t) {
		String message = t.getMessage();
		if (message == null) {
			return false;
		}
		if (t instanceof SQLException sql && sql.getSQLState() == null) {
			// HikariCP's closed proxy
			return message.equals("Connection is closed");
		}
		return t instanceof org.hibernate.TransactionException
				&& (message.startsWith("Unable to rollback") || message.startsWith("Unable to commit"));
	}

	/** SQLSTATE class 54 (a statement too complex, a row too big) is not an outage. */
	private static boolean programLimit(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("54")) {
				return true;
			}
		}
		return false;
	}

	/** Opens the request's outage marker; {@link #endRequest()} closes it. */
	static void beginRequest() {
		request.set(new boolean[1]);
	}

	static void endRequest() {
		request.remove();
	}

	/** Marks the current request (if any) once {@code failure} shows the outage. */
	static void seenInThisRequest(Throwable failure) {
		boolean[] seen = request.get();
		if (seen != null && causedBy(failure)) {
			seen[0] = true;
		}
	}

	/** True inside a request that already met the outage. */
	static boolean metInThisRequest() {
		boolean[] seen = request.get();
		return seen != null && seen[0];
	}

	/** Within a request that already met the outage: fails at once. */
	static void failFastIfSeenInThisRequest() throws SQLTransientConnectionException {
		if (metInThisRequest()) {
			throw new SQLTransientConnectionException("Database unavailable earlier in this request", "08001");
		}
	}

	static ProblemDetail problem() {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, ApiProblems.SERVICE_UNAVAILABLE,
				TITLE, DETAIL);
		problem.setProperty("retryAfter", RETRY_AFTER_SECONDS);
		return problem;
	}

	/**
	 * Logs the outage at WARN with its innermost cause's message, at most once every ten
	 * seconds and never with a stack trace: during an outage every request fails the same
	 * way.
	 */
	static void record(String where, Throwable failure) {
		seenInThisRequest(failure);
		long now = System.currentTimeMillis();
		long last = lastLogged.get();
		if (now - last < LOG_EVERY_MILLIS || !lastLogged.compareAndSet(last, now)) {
			suppressed.incrementAndGet();
			log.debug("Database unavailable ({})", where, failure);
			return;
		}
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		log.warn("Database unavailable, answering 503 ({}): {}: {} [{} more since the last warning]", where,
				root.getClass().getSimpleName(), root.getMessage(), suppressed.getAndSet(0));
	}

}
