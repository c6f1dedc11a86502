package org.govgrid.patrol;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patrol plans set up by the system (demo data), not by a planner in the console. */
@Service
public class PatrolSetup {

	private final JdbcTemplate jdbc;

	PatrolSetup(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code frequency}: DAILY, WEEKLY or MONTHLY. */
	@Transactional
	public long plan(long gridId, String domainCode, String frequency, int timesPerPeriod, long assigneeId,
			long plannerId) {
		return this.jdbc.queryForObject("""
				insert into patrol_plan (grid_id, region_path, domain_code, frequency, times_per_period, assignee_id,
				                         created_by)
				select id, path, ?, ?, ?, ?, ? from region where id = ? returning id""", Long.class, domainCode,
				PlanPeriod.Frequency.valueOf(frequency).name(), timesPerPeriod, assigneeId, plannerId, gridId);
	}

}
