package org.govgrid.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * The session row is rewritten at the end of every request (its last-access time), in a
 * transaction of its own: with a durable database that was one disk flush per request on
 * top of the request's own work (a batch ingest spent about a fifth of its time there).
 * The rewrite commits asynchronously ({@code synchronous_commit = off} for that
 * transaction only, ADR 0020): a crash may forget the last fraction of a second of
 * last-access times, so a session may end a little early, never late; no business write
 * is affected, since those commit in their own transactions. The insert at sign-in stays
 * synchronous.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

	/**
	 * Spring Session's own update statement, led by a CTE that turns the synchronous
	 * commit off for its transaction (the attribute writes that follow share it).
	 */
	static final String UPDATE_SESSION_COMMITTED_LAZILY = """
			WITH lazy_commit AS (SELECT set_config('synchronous_commit', 'off', true))
			UPDATE %TABLE_NAME%
			SET SESSION_ID = ?, LAST_ACCESS_TIME = ?, MAX_INACTIVE_INTERVAL = ?, EXPIRY_TIME = ?, PRINCIPAL_NAME = ?
			WHERE PRIMARY_ID = ? AND EXISTS (SELECT 1 FROM lazy_commit)
			""";

	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessCommittedLazily() {
		return sessions -> sessions.setUpdateSessionQuery(UPDATE_SESSION_COMMITTED_LAZILY);
	}

}
