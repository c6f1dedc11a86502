package org.govgrid.patrol;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Patrol plans set up by the system (demo data), not by a planner in the console. */
@Service
public class PatrolSetup {

	private final JdbcClient jdbc;

	PatrolSetup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** {@code frequency}: DAILY, WEEKLY or MONTHLY. */
	@Transactional
	public long plan(long gridId, String domainCode, String frequency, int timesPerPeriod, long assigneeId,
			long plannerId) {
		return this.jdbc.sql("""
				insert into patrol_plan (grid_id, region_path, domain_code, frequency, times_per_period, assignee_id,
				                         created_by)
				select id, path, :domain, :frequency, :times, :assignee, :planner from region where id = :grid
				returning id""")
			.param("domain", domainCode)
			.param("frequency", PlanPeriod.Frequency.valueOf(frequency).name())
			.param("times", timesPerPeriod)
			.param("assignee", assigneeId)
			.param("planner", plannerId)
			.param("grid", gridId)
			.query(Long.class)
			.single();
	}

}
