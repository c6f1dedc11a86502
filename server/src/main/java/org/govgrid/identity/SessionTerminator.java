package org.govgrid.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user: on disable, cancel, password reset, role, scope or
 * department change; on a change of one's own password, every other session.
 */
@Component
class SessionTerminator {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	SessionTerminator(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	int endSessionsOf(String username) {
		var found = this.sessions.findByPrincipalName(username);
		found.keySet().forEach(this.sessions::deleteById);
		return found.size();
	}

	int endOtherSessionsOf(String username, String keptSessionId) {
		var others = this.sessions.findByPrincipalName(username)
			.keySet()
			.stream()
			.filter(id -> !id.equals(keptSessionId))
			.toList();
		others.forEach(this.sessions::deleteById);
		return others.size();
	}

}
