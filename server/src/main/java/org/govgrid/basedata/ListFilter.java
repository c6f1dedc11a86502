package org.govgrid.basedata;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The where clause of a base-data list: the caller's scope, then each filter given, code
 * filters checked against their code table (every bad one named at once).
 */
final class ListFilter {

	private final String alias;

	private final MapSqlParameterSource params;

	private final StringBuilder where;

	private final FieldErrors errors = new FieldErrors();

	ListFilter(String alias, DataScope scope, MapSqlParameterSource params) {
		this.alias = alias;
		this.params = params;
		this.where = new StringBuilder(ScopeFilter.of(scope, alias + ".region_path").addTo(params));
	}

	/** A keyword: {@code condition} uses {@code :q}, bound to "contains q". */
	ListFilter matching(String q, String condition) {
		if (Checks.present(q)) {
			this.where.append(" and (").append(condition).append(')');
			this.params.addValue("q", Checks.contains(q));
		}
		return this;
	}

	ListFilter equal(String column, Object value) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			this.where.append(" and ").append(this.alias).append('.').append(column).append(" = :").append(column);
			this.params.addValue(column, value);
		}
		return this;
	}

	/**
	 * A code filter named {@code field} in the request, checked against {@code dictType}.
	 */
	ListFilter code(Dicts dicts, String field, String dictType, String column, String value) {
		if (Checks.present(value)) {
			Checks.code(this.errors, dicts, field, dictType, value, false);
		}
		return equal(column, value);
	}

	/**
	 * A condition of its own ({@code condition} uses {@code :param}) when the value is
	 * given; {@code valid} false names the field as bad.
	 */
	ListFilter where(String field, Object value, boolean valid, String problem, String condition, String param) {
		if (value != null && !(value instanceof String text && text.isBlank())) {
			if (!valid) {
				this.errors.add(field, problem);
			}
			this.where.append(" and (").append(condition).append(')');
			this.params.addValue(param, value);
		}
		return this;
	}

	String sql() {
		this.errors.throwIfAny();
		return this.where.toString();
	}

}
