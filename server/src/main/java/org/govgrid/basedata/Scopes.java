package org.govgrid.basedata;

import org.govgrid.platform.DataScope;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The SQL condition for rows placed at or under the caller's scope. */
final class Scopes {

	private Scopes() {
	}

	static String within(String alias, DataScope scope, MapSqlParameterSource params) {
		if (scope.path().isEmpty()) {
			return "true";
		}
		params.addValue("scopePath", scope.path()).addValue("scopePattern", scope.descendantsPattern());
		return "(" + alias + ".region_path = :scopePath or " + alias + ".region_path like :scopePattern)";
	}

}
