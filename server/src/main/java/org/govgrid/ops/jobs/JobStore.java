package org.govgrid.ops.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ops_job} holds each job's latest run across the nodes (and its run and failure
 * counts); {@code ops_job_run} the runs kept as history.
 */
@Repository
class JobStore {

	private final JdbcClient jdbc;

	JobStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The latest state written for a job (possibly by another node). */
	record JobState(String name, Instant lastStarted, Instant lastFinished, String lastOutcome, String lastError,
			long durationMs, long runs, long failures) {
	}

	/**
	 * Writes the job's latest run, adds {@code runs} and {@code failures} to its counts
	 * and, if {@code keep}, the run itself as a history row.
	 */
	@Transactional
	void save(String module, JobRun run, boolean keep, long runs, long failures) {
		this.jdbc.sql("""
				insert into ops_job (name, module, last_started, last_finished, last_outcome, last_error, duration_ms,
				    runs, failures, updated_at)
				values (:name, :module, :started, :finished, :outcome, :error, :duration, :runs, :failures, now())
				on conflict (name) do update set module = excluded.module,
				    last_started = excluded.last_started, last_finished = excluded.last_finished,
				    last_outcome = excluded.last_outcome, last_error = excluded.last_error,
				    duration_ms = excluded.duration_ms, runs = ops_job.runs + excluded.runs,
				    failures = ops_job.failures + excluded.failures, updated_at = now()
				where ops_job.last_started <= excluded.last_started""")
			.param("name", run.name())
			.param("module", module)
			.param("started", Timestamp.from(run.startedAt()))
			.param("finished", Timestamp.from(run.finishedAt()))
			.param("outcome", run.outcome())
			.param("error", run.error())
			.param("duration", run.durationMs())
			.param("runs", runs)
			.param("failures", failures)
			.update();
		if (keep) {
			this.jdbc
				.sql("""
						insert into ops_job_run (job_name, trigger, started_by, started_at, finished_at, outcome, duration_ms,
						    error)
						values (:name, :trigger, :by, :started, :finished, :outcome, :duration, :error)""")
				.param("name", run.name())
				.param("trigger", run.trigger())
				.param("by", run.startedBy())
				.param("started", Timestamp.from(run.startedAt()))
				.param("finished", Timestamp.from(run.finishedAt()))
				.param("outcome", run.outcome())
				.param("duration", run.durationMs())
				.param("error", run.error())
				.update();
		}
	}

	Map<String, JobState> states() {
		Map<String, JobState> states = new HashMap<>();
		this.jdbc.sql("""
				select name, last_started, last_finished, last_outcome, last_error, duration_ms, runs, failures
				from ops_job""").query(JobStore::state).list().forEach((state) -> states.put(state.name(), state));
		return states;
	}

	/** The newest kept runs of a job, newest first. */
	List<JobRun> runs(String name, int limit) {
		return this.jdbc.sql("""
				select job_name, trigger, started_by, started_at, finished_at, outcome, error from ops_job_run
				where job_name = :name order by started_at desc, id desc limit :limit""")
			.param("name", name)
			.param("limit", limit)
			.query((rs, n) -> new JobRun(rs.getString("job_name"), rs.getString("trigger"), rs.getString("started_by"),
					rs.getTimestamp("started_at").toInstant(), rs.getTimestamp("finished_at").toInstant(),
					rs.getString("outcome"), rs.getString("error")))
			.list();
	}

	/** Removes the history started before {@code cutoff}; how many rows went. */
	int deleteBefore(Instant cutoff) {
		return this.jdbc.sql("delete from ops_job_run where started_at < :cutoff")
			.param("cutoff", Timestamp.from(cutoff))
			.update();
	}

	private static JobState state(ResultSet rs, int n) throws SQLException {
		return new JobState(rs.getString("name"), rs.getTimestamp("last_started").toInstant(),
				rs.getTimestamp("last_finished").toInstant(), rs.getString("last_outcome"), rs.getString("last_error"),
				rs.getLong("duration_ms"), rs.getLong("runs"), rs.getLong("failures"));
	}

}
