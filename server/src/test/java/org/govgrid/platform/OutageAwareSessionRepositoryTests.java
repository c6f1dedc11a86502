package org.govgrid.platform;

import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A request that met the outage does not save its session (the save used to fail inside
 * the 503's own commit and turn it into a 500); any other request saves as before.
 */
class OutageAwareSessionRepositoryTests {

	private final Sessions stored = new Sessions();

	private final OutageAwareSessionRepository<MapSession> sessions = new OutageAwareSessionRepository<>(this.stored);

	@Test
	void aRequestThatMetTheOutageDoesNotWriteItsSession() {
		DatabaseOutage.beginRequest();
		try {
			MapSession session = this.sessions.createSession();
			DatabaseOutage.seenInThisRequest(new CannotGetJdbcConnectionException("no connection",
					new SQLTransientConnectionException("pool timed out", "08001")));
			this.sessions.save(session);
			assertThat(this.stored.saves).isZero();
		}
		finally {
			DatabaseOutage.endRequest();
		}
	}

	@Test
	void aSaveThatMeetsTheOutageFailsOnceAndMarksTheRequest() {
		DatabaseOutage.beginRequest();
		try {
			MapSession session = this.sessions.createSession();
			this.stored.down = true;
			assertThatExceptionOfType(CannotGetJdbcConnectionException.class)
				.isThrownBy(() -> this.sessions.save(session));
			assertThat(DatabaseOutage.metInThisRequest()).isTrue();
			// the 503's commit, then the end of the request: no second failure
			this.sessions.save(session);
			this.sessions.save(session);
			assertThat(this.stored.saves).isEqualTo(1);
		}
		finally {
			DatabaseOutage.endRequest();
		}
	}

	@Test
	void otherRequestsAndJobsSaveAsUsual() {
		MapSession session = this.sessions.createSession();
		this.sessions.save(session);
		DatabaseOutage.beginRequest();
		try {
			this.sessions.save(session);
		}
		finally {
			DatabaseOutage.endRequest();
		}
		assertThat(this.stored.saves).isEqualTo(2);
		assertThat(this.sessions.findById(session.getId())).isNotNull();
	}

	/** Sessions in memory, able to play a database that is away. */
	private static final class Sessions implements FindByIndexNameSessionRepository<MapSession> {

		final Map<String, MapSession> rows = new HashMap<>();

		int saves;

		boolean down;

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			if (this.down) {
				throw new CannotGetJdbcConnectionException("no connection",
						new SQLTransientConnectionException("pool timed out", "08001"));
			}
			this.rows.put(session.getId(), session);
		}

		@Override
		public MapSession findById(String id) {
			return this.rows.get(id);
		}

		@Override
		public void deleteById(String id) {
			this.rows.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
