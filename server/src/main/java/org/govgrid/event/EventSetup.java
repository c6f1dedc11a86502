package org.govgrid.event;

import java.time.Duration;

import org.govgrid.event.model.RoutingRule.RouteTarget;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Set-up of routing rules by the system (demo data, first start), not by a user. */
@Service
public class EventSetup {

	private final JdbcTemplate jdbc;

	EventSetup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A rule for a category (or all, if null) inside a region; {@code departmentId} is
	 * set only for a department target.
	 */
	@Transactional
	public long routingRule(String categoryCode, long regionId, RouteTarget target, Duration acceptance,
			Duration disposal, boolean autoDispatch) {
		return this.jdbc.queryForObject("""
				insert into routing_rule (category_code, region_id, region_path, target_kind, department_id,
				    acceptance_minutes, disposal_minutes, auto_dispatch)
				select ?, id, path, ?, ?, ?, ?, ? from region where id = ?
				returning id""", Long.class, categoryCode, target.kind().name(), target.departmentId(),
				(int) acceptance.toMinutes(), (int) disposal.toMinutes(), autoDispatch, regionId);
	}

}
