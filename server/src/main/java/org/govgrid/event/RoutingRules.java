package org.govgrid.event;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.govgrid.event.model.EventLevel;
import org.govgrid.event.model.Routing;
import org.govgrid.event.model.RoutingRule;
import org.govgrid.event.model.RoutingRule.RouteTarget;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored routing rules (自动流转) and the choice among them for a new report; the rules
 * are few, so each report reads the enabled ones and lets the model choose.
 */
@Component
class RoutingRules {

	private final JdbcTemplate jdbc;

	RoutingRules(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<RoutingRule> choose(RoutingRule.EventFacts facts) {
		List<RoutingRule> rules = this.jdbc.query("""
				select id, category_code, region_path, level, target_kind, department_id, acceptance_minutes,
				    disposal_minutes, auto_dispatch, priority
				from routing_rule where enabled""", (rs, n) -> {
			String level = rs.getString("level");
			RouteTarget.Kind kind = RouteTarget.Kind.valueOf(rs.getString("target_kind"));
			return new RoutingRule(rs.getLong("id"), rs.getString("category_code"), rs.getString("region_path"),
					level == null ? null : EventLevel.valueOf(level),
					kind == RouteTarget.Kind.DEPARTMENT ? RouteTarget.department(rs.getLong("department_id"))
							: RouteTarget.of(kind),
					Duration.ofMinutes(rs.getInt("acceptance_minutes")),
					Duration.ofMinutes(rs.getInt("disposal_minutes")), rs.getBoolean("auto_dispatch"),
					rs.getInt("priority"));
		});
		return Routing.choose(rules, facts);
	}

}
