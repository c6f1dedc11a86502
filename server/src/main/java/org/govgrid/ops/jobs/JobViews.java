package org.govgrid.ops.jobs;

import java.time.Instant;

/** What the jobs API answers. */
final class JobViews {

	private JobViews() {
	}

	/**
	 * A job: {@code schedule} is the cron expression or an ISO-8601 interval, by
	 * {@code scheduleKind} ({@code CRON}, {@code FIXED_DELAY}, {@code FIXED_RATE}); the
	 * last-run fields are null until it first ran.
	 */
	record JobView(String name, String module, String scheduleKind, String schedule, String zone, Instant lastRunAt,
			Instant lastFinishedAt, String lastOutcome, Long durationMs, String lastError, Instant nextRunAt,
			boolean runnable, long runs, long failures) {
	}

	/** One run of a job. */
	record RunView(String name, String trigger, String startedBy, Instant startedAt, Instant finishedAt, String outcome,
			long durationMs, String error) {

		static RunView of(JobRun run) {
			return new RunView(run.name(), run.trigger(), run.startedBy(), run.startedAt(), run.finishedAt(),
					run.outcome(), run.durationMs(), run.error());
		}

	}

}
