package org.govgrid.openplatform;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * The registered clients (Spring's JDBC repository) as the authorization server sees
 * them: a disabled API client is not found when it authenticates, so it gets no token.
 * Lookups by internal id (stored authorizations, introspection) still find it.
 */
final class EnabledClients implements RegisteredClientRepository {

	private final JdbcRegisteredClientRepository all;

	private final JdbcOperations jdbc;

	EnabledClients(JdbcOperations jdbc) {
		this.all = new JdbcRegisteredClientRepository(jdbc);
		this.jdbc = jdbc;
	}

	/** Every registered client, disabled or not (for their administration). */
	RegisteredClientRepository all() {
		return this.all;
	}

	@Override
	public void save(RegisteredClient registeredClient) {
		this.all.save(registeredClient);
	}

	@Override
	public RegisteredClient findById(String id) {
		return this.all.findById(id);
	}

	@Override
	public RegisteredClient findByClientId(String clientId) {
		Boolean disabled = this.jdbc.query("select not enabled from open_api_client where client_id = ?",
				rs -> rs.next() ? rs.getBoolean(1) : Boolean.FALSE, clientId);
		return Boolean.TRUE.equals(disabled) ? null : this.all.findByClientId(clientId);
	}

}
