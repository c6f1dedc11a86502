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
	/**
	 * Reads until {@code done} holds or 5 s pass, returning the last read: for rows that
	 * commit just after a streamed response's last byte (the audit row of a download).
	 */
	protected <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done)
			throws InterruptedException {
		T value = read.get();
		for (int attempt = 0; attempt < 50 && !done.test(value); attempt++) {
			Thread.sleep(100);
			value = read.get();
		}
		return value;
	}

	protected double[] center(String code) {
		java.util.Map<String, Object> row = this.jdbc
			.queryForMap("select center_lon, center_lat from region where code = ?", code);
		return new double[] { ((Number) row.get("center_lon")).doubleValue(),
				((Number) row.get("center_lat")).doubleValue() };
	}

	/**
	 * The body of an event report at the centre of a grid (a mutable map, so a test can
	 * change or add fields).
	 */
	protected java.util.Map<String, Object> eventReport(String category, String gridCode, String source,
			String description, String address) {
		double[] point = center(gridCode);
		java.util.Map<String, Object> report = new java.util.HashMap<>();
		report.put("categoryCode", category);
		report.put("description", description);
		report.put("lon", point[0]);
		report.put("lat", point[1]);
		report.put("address", address);
		report.put("source", source);
		return report;
	}

}
