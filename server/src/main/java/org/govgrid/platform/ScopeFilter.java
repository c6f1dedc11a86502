package org.govgrid.platform;

import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The caller's data scope as a SQL condition on a materialised-path column, with its
 * parameters: the row's path is the scope's or lies under it. The system scope (empty
 * path) sees everything. Use this rather than typing the condition again, e.g.
 * {@code where.append(ScopeFilter.of(caller.scope(), "h.region_path").addTo(params))}.
 *
 * @param sql the condition, in parentheses
 * @param parameters its named parameters
 */
public record ScopeFilter(String sql, Map<String, Object> parameters) {

	/**
	 * The condition on {@code pathColumn}, parameters {@code :scopePath},
	 * {@code :scopeDescendants}.
	 */
	public static ScopeFilter of(DataScope scope, String pathColumn) {
		return of(scope, pathColumn, "scope");
	}

	/**
	 * The condition on {@code pathColumn} with parameters named {@code :<name>Path} and
	 * {@code :<name>Descendants} (for a query that holds two such conditions).
	 */
	public static ScopeFilter of(DataScope scope, String pathColumn, String name) {
		return at(scope.path(), pathColumn, name);
	}

	/**
	 * The same condition for an area given by its path (a region the caller has already
	 * checked), parameters {@code :<name>Path} and {@code :<name>Descendants}; an empty
	 * path is everything.
	 */
	public static ScopeFilter at(String areaPath, String pathColumn, String name) {
		if (areaPath == null || areaPath.isEmpty()) {
			return new ScopeFilter("(true)", Map.of());
		}
		return new ScopeFilter(
				"(" + pathColumn + " = :" + name + "Path or " + pathColumn + " like :" + name + "Descendants)",
				Map.of(name + "Path", areaPath, name + "Descendants", areaPath + "/%"));
	}

	/** Adds the parameters to {@code params} and returns the condition. */
	public String addTo(MapSqlParameterSource params) {
		params.addValues(this.parameters);
		return this.sql;
	}

}
