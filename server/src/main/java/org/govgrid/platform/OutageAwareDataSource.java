package org.govgrid.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The pool, less its repeated waits: once a request has met the outage (a connection
 * timeout, a dropped connection), its later calls for a connection — Spring Session
 * saving the session as the 503 goes out, then again as the request ends — fail at once
 * instead of each waiting the pool's full connection timeout, so the 503 leaves within
 * one timeout. Outside a request (jobs) every call waits as usual.
 */
final class OutageAwareDataSource extends DelegatingDataSource {

	OutageAwareDataSource(DataSource pool) {
		super(pool);
	}

	@Override
	public Connection getConnection() throws SQLException {
		DatabaseOutage.failFastIfSeenInThisRequest();
		try {
			return super.getConnection();
		}
		catch (SQLException ex) {
			DatabaseOutage.seenInThisRequest(ex);
			throw ex;
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		DatabaseOutage.failFastIfSeenInThisRequest();
		try {
			return super.getConnection(username, password);
		}
		catch (SQLException ex) {
			DatabaseOutage.seenInThisRequest(ex);
			throw ex;
		}
	}

}
