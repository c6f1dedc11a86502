package org.govgrid.basedata;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The reads every kind of base data shares, always inside the caller's scope: one row, a
 * page (most recently changed first), or every row in id order for an export.
 */
final class ScopedRows<V> {

	private final NamedParameterJdbcTemplate jdbc;

	private final String select;

	private final String table;

	private final String alias;

	private final RowMapper<V> mapper;

	/**
	 * {@code select} reads {@code table} under {@code alias}, ready for a where clause.
	 */
	ScopedRows(NamedParameterJdbcTemplate jdbc, String select, String table, String alias, RowMapper<V> mapper) {
		this.jdbc = jdbc;
		this.select = select;
		this.table = table;
		this.alias = alias;
		this.mapper = mapper;
	}

	Optional<V> find(long id, DataScope scope) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc
			.query(this.select + " where " + this.alias + ".id = :id and "
					+ ScopeFilter.of(scope, this.alias + ".region_path").addTo(params), params, this.mapper)
			.stream()
			.findFirst();
	}

	PageResponse<V> page(String where, MapSqlParameterSource params, PageQuery paging) {
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject(
				"select count(*) from " + this.table + " " + this.alias + " where " + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<V> items = this.jdbc.query(this.select + " where " + where + " order by " + this.alias
				+ ".updated_at desc, " + this.alias + ".id desc limit :limit offset :offset", params, this.mapper);
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	void forEach(String where, MapSqlParameterSource params, Consumer<V> action) {
		Streaming.query(this.jdbc, this.select + " where " + where + " order by " + this.alias + ".id", params,
				(RowCallbackHandler) rs -> action.accept(this.mapper.mapRow(rs, 0)));
	}

}
