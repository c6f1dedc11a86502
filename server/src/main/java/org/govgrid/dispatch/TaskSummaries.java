package org.govgrid.dispatch;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.govgrid.platform.ScopeFilter;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Per-assignee task counts for the task report (任务统计). */
@Service
public class TaskSummaries {

	private final JdbcClient jdbc;

	TaskSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Tasks given in an area ({@code path} and below) between two instants, per assignee:
	 * how many, done (and of those by the deadline), under way, cancelled, and past the
	 * deadline without being done ({@code now} decides).
	 */
	@Transactional(readOnly = true)
	public List<Totals> byAssignee(String path, Instant from, Instant to, Instant now) {
		List<Totals> totals = new ArrayList<>();
		ScopeFilter area = ScopeFilter.at(path, "t.scope_path", "area");
		this.jdbc.sql("""
				select t.assignee_id, u.display_name, count(*),
				       count(*) filter (where t.status = 'DONE'),
				       count(*) filter (where t.status = 'DONE' and t.completed_at <= t.deadline),
				       count(*) filter (where t.status in ('ASSIGNED', 'IN_PROGRESS')),
				       count(*) filter (where t.status = 'CANCELLED'),
				       count(*) filter (where t.status in ('ASSIGNED', 'IN_PROGRESS') and t.deadline < :now)
				from dispatch_task t join app_user u on u.id = t.assignee_id
				where %s and t.created_at >= :from and t.created_at < :to
				group by t.assignee_id, u.display_name
				order by count(*) desc, u.display_name""".formatted(area.sql()))
			.params(area.parameters())
			.param("now", Timestamp.from(now))
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((RowCallbackHandler) rs -> totals.add(new Totals(rs.getLong(1), rs.getString(2), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8))));
		return totals;
	}

	/** One assignee's tasks. */
	public record Totals(long assigneeId, String assigneeName, long tasks, long done, long doneOnTime, long open,
			long cancelled, long overdue) {
	}

}
