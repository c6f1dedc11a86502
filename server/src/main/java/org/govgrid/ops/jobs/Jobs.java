package org.govgrid.ops.jobs;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.govgrid.audit.AuditOutcome;
import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.ops.jobs.JobCatalog.Job;
import org.govgrid.ops.jobs.JobStore.JobState;
import org.govgrid.ops.jobs.JobViews.JobView;
import org.govgrid.ops.jobs.JobViews.RunView;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.stereotype.Service;

/**
 * The job overview and manual runs. Jobs are platform-wide: whoever holds
 * {@code ops:job:read} sees them all, whatever their region; a name that is no job is
 * 404, and so is a job outside the allow-list to whoever tries to run it (it cannot be
 * run by hand, whoever asks).
 */
@Service
class Jobs {

	static final int HISTORY_LIMIT = 50;

	private final JobCatalog catalog;

	private final JobStore store;

	private final JobRecorder recorder;

	private final AuditTrail audit;

	private final Set<String> running = ConcurrentHashMap.newKeySet();

	Jobs(JobCatalog catalog, JobStore store, JobRecorder recorder, AuditTrail audit) {
		this.catalog = catalog;
		this.store = store;
		this.recorder = recorder;
		this.audit = audit;
	}

	List<JobView> list() {
		Map<String, JobState> states = this.store.states();
		return this.catalog.all().stream().map((job) -> view(job, states.get(job.name()))).toList();
	}

	List<RunView> runs(String name) {
		Job job = job(name);
		return this.store.runs(job.name(), HISTORY_LIMIT).stream().map(RunView::of).toList();
	}

	/**
	 * Runs a job of the allow-list now, on the caller's thread, through the scheduler's
	 * own task (so its lock holds and the run is observed like any other); audited.
	 */
	RunView run(String name, ScopedPrincipal caller) {
		Job job = job(name);
		if (!job.runnable()) {
			throw new NotFoundException("runnable job", name);
		}
		if (!this.running.add(job.name())) {
			throw new ConflictException("the job is already running by hand: " + job.name());
		}
		ManualRuns.ManualRun manual = ManualRuns.begin(caller.username());
		try {
			job.task().getTask().getRunnable().run();
		}
		catch (RuntimeException | Error ex) {
			// recorded by the observation as FAILED; the caller gets the run, not a 500
		}
		finally {
			ManualRuns.end();
			this.running.remove(job.name());
		}
		JobRun run = manual.recorded;
		if (run == null) {
			throw new IllegalStateException("the run of " + job.name() + " was not observed");
		}
		this.audit.record(AuditRecord
			.success("OPS_JOB_RUN", "job", job.name(), "outcome=" + run.outcome() + " durationMs=" + run.durationMs())
			.withOutcome(run.failed() ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS));
		return RunView.of(run);
	}

	private Job job(String name) {
		return this.catalog.named(name).orElseThrow(() -> new NotFoundException("job", name));
	}

	private JobView view(Job job, JobState state) {
		JobRun mine = this.recorder.latest(job.name()).orElse(null);
		boolean mineIsNewer = mine != null && (state == null || mine.startedAt().isAfter(state.lastStarted()));
		long runs = (state != null) ? state.runs() : 0;
		long failures = (state != null) ? state.failures() : 0;
		if (mineIsNewer) {
			return new JobView(job.name(), job.module(), job.kind(), job.schedule(), job.zone(), mine.startedAt(),
					mine.finishedAt(), mine.outcome(), mine.durationMs(), mine.error(),
					job.nextRunAt(mine.finishedAt()), job.runnable(), runs, failures);
		}
		if (state != null) {
			return new JobView(job.name(), job.module(), job.kind(), job.schedule(), job.zone(), state.lastStarted(),
					state.lastFinished(), state.lastOutcome(), state.durationMs(), state.lastError(),
					job.nextRunAt(state.lastFinished()), job.runnable(), runs, failures);
		}
		return new JobView(job.name(), job.module(), job.kind(), job.schedule(), job.zone(), null, null, null, null,
				null, job.nextRunAt(null), job.runnable(), 0, 0);
	}

}
