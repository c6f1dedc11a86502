package org.govgrid.platform;

import java.util.Map;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Spring Session's repository, less its writes in a request that already met the outage.
 * The 503 going out commits the response, and Spring Session saves the session on commit
 * (and again as the request ends): while the database is away that save fails too, and
 * its exception, thrown from inside the 503's own write, used to turn the answer into a
 * 500. Such a request changed nothing worth keeping (it failed), so its session is simply
 * not written; the stored row stays as it was. A save or lookup that itself meets the
 * outage marks the request, so that what follows skips the database.
 */
final class OutageAwareSessionRepository<S extends Session> implements FindByIndexNameSessionRepository<S> {

	private final FindByIndexNameSessionRepository<S> sessions;

	OutageAwareSessionRepository(FindByIndexNameSessionRepository<S> sessions) {
		this.sessions = sessions;
	}

	@Override
	public S createSession() {
		return this.sessions.createSession();
	}

	@Override
	public void save(S session) {
		if (DatabaseOutage.metInThisRequest()) {
			return;
		}
		try {
			this.sessions.save(session);
		}
		catch (RuntimeException ex) {
			DatabaseOutage.seenInThisRequest(ex);
			throw ex;
		}
	}

	@Override
	public S findById(String id) {
		try {
			return this.sessions.findById(id);
		}
		catch (RuntimeException ex) {
			DatabaseOutage.seenInThisRequest(ex);
			throw ex;
		}
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteById(id);
	}

	@Override
	public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return this.sessions.findByIndexNameAndIndexValue(indexName, indexValue);
	}

	@Override
	public Map<String, S> findByPrincipalName(String principalName) {
		return this.sessions.findByPrincipalName(principalName);
	}

}
