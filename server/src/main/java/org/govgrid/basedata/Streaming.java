package org.govgrid.basedata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Row-by-row reads for exports: PostgreSQL sends a whole result at once unless a fetch
 * size is set (inside a transaction), so an export of a town's people would otherwise sit
 * in memory before the first row is written.
 */
final class Streaming {

	private static final int FETCH_SIZE = 1000;

	private Streaming() {
	}

	static void query(NamedParameterJdbcTemplate jdbc, String sql, MapSqlParameterSource params,
			RowCallbackHandler handler) {
		JdbcTemplate streaming = new JdbcTemplate(jdbc.getJdbcTemplate().getDataSource());
		streaming.setFetchSize(FETCH_SIZE);
		new NamedParameterJdbcTemplate(streaming).query(sql, params, handler);
	}

}
