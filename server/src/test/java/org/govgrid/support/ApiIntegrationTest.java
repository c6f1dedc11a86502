package org.govgrid.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the API integration tests: the running platform's port, the account fixture and
 * direct database access for checking what was (or was not) written.
 */
@IntegrationTest
public abstract class ApiIntegrationTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected Accounts accounts;

	@Autowired
	protected JdbcTemplate jdbc;

}
