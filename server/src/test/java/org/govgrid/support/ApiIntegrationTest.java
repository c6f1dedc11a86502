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

	/** The centre point of a region, by code: {lon, lat}. */
	protected double[] center(String code) {
		java.util.Map<String, Object> row = this.jdbc
			.queryForMap("select center_lon, center_lat from region where code = ?", code);
		return new double[] { ((Number) row.get("center_lon")).doubleValue(),
				((Number) row.get("center_lat")).doubleValue() };
	}

}
