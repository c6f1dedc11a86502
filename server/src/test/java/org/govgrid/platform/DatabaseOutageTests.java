package org.govgrid.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures are a database outage (503) and which are not. */
class DatabaseOutageTests {

	@Test
	void connectionFailuresTimeoutsAndShutdownsAreOutages() {
		assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection",
				new SQLTransientConnectionException("pool timed out", "08001", new ConnectException("refused")))))
			.isTrue();
		assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("no transaction"))).isTrue();
		assertThat(DatabaseOutage.causedBy(new QueryTimeoutException("slow"))).isTrue();
		assertThat(DatabaseOutage.causedBy(wrapped(new SQLException("canceling statement", "57014")))).isTrue();
		assertThat(DatabaseOutage.causedBy(wrapped(new SQLException("I/O error", "08006")))).isTrue();
		assertThat(DatabaseOutage.causedBy(wrapped(new SQLException("admin shutdown", "57P01")))).isTrue();
		assertThat(DatabaseOutage.causedBy(wrapped(new SQLException("too many connections", "53300")))).isTrue();
		assertThat(DatabaseOutage.causedBy(new DataAccessResourceFailureException("gone"))).isTrue();
	}

	@Test
	void aRollbackOnAConnectionThePoolClosedIsAnOutage() {
		// what Spring's TransactionTemplate rethrows when the rollback replaced the I/O
		// error
		SQLException closed = new SQLException("Connection is closed");
		assertThat(DatabaseOutage.causedBy(new JpaSystemException(
				new org.hibernate.TransactionException("Unable to rollback against JDBC Connection", closed))))
			.isTrue();
	}

	@Test
	void badInputConflictsAndProgramLimitsAreNot() {
		assertThat(DatabaseOutage
			.causedBy(new DataIntegrityViolationException("duplicate", new SQLException("duplicate key", "23505"))))
			.isFalse();
		assertThat(DatabaseOutage.causedBy(wrapped(new SQLException("out of range", "22003")))).isFalse();
		assertThat(DatabaseOutage.causedBy(
				new DataAccessResourceFailureException("row too big", new SQLException("index row size", "54000"))))
			.isFalse();
		assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseOutage.causedBy(new SQLException("Connection is closed", "42000"))).isFalse();
	}

	@Test
	void aRequestThatMetTheOutageFailsFastOnItsNextConnection() throws Exception {
		DatabaseOutage.beginRequest();
		try {
			DatabaseOutage.failFastIfSeenInThisRequest();
			DatabaseOutage.seenInThisRequest(new IllegalStateException("not an outage"));
			DatabaseOutage.failFastIfSeenInThisRequest();
			DatabaseOutage.seenInThisRequest(new SQLTransientConnectionException("pool timed out", "08001"));
			org.assertj.core.api.Assertions.assertThatExceptionOfType(SQLTransientConnectionException.class)
				.isThrownBy(DatabaseOutage::failFastIfSeenInThisRequest);
		}
		finally {
			DatabaseOutage.endRequest();
		}
		// the next request (or a job) waits for the pool again
		DatabaseOutage.failFastIfSeenInThisRequest();
	}

	@Test
	void theFiltersProblemIsValidJsonWithTheStableType() {
		String body = DatabaseOutageFilter.body("/api/v1/x\"y\\z");
		assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(body).path("type").asString())
			.isEqualTo("https://govgrid.org/problems/service-unavailable");
		assertThat(body).contains("\"status\":503", "\"retryAfter\":5", "\"instance\":\"/api/v1/x\\\"y\\\\z\"");
	}

	private static RuntimeException wrapped(SQLException cause) {
		return new org.springframework.jdbc.UncategorizedSQLException("task", "select 1", cause);
	}

}
