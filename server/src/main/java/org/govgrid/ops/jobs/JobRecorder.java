package org.govgrid.ops.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.govgrid.identity.Directory;
import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.govgrid.ops.jobs.JobCatalog.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.stereotype.Component;

/**
 * Records every run of a scheduled method from Spring's scheduled-task observation, so
 * that no module has to tell ops about its jobs. A job that runs less often than
 * {@code frequentBelow} keeps a row per run; a frequent one (the 1 s audit sealer) keeps
 * its failures, its first success after a failure and its manual runs, and writes its
 * latest state at most once a {@code frequentBelow}. A failure notifies the system
 * admins, once per failing streak for frequent jobs.
 */
@Component
class JobRecorder implements ObservationHandler<ScheduledTaskObservationContext> {

	static final String JOB_FAILED = "OPS_JOB_FAILED";

	/** Whoever may run jobs is a system admin (V49). */
	static final String ADMIN_PERMISSION = "ops:job:run";

	private static final Logger log = LoggerFactory.getLogger(JobRecorder.class);

	private static final String STARTED = JobRecorder.class.getName() + ".started";

	// resolved on first use: observation handlers are made with the observation registry,
	// early in the context's start, before the beans they write through are ready
	private final ObjectProvider<JobCatalog> catalog;

	private final ObjectProvider<JobStore> store;

	private final ObjectProvider<JobProperties> properties;

	private final ObjectProvider<Notifications> notifications;

	private final ObjectProvider<Directory> directory;

	private final Clock clock;

	/** This node's latest run of each job, newer than what a frequent job last wrote. */
	private final Map<String, JobRun> latest = new ConcurrentHashMap<>();

	private final Map<String, Written> written = new ConcurrentHashMap<>();

	JobRecorder(ObjectProvider<JobCatalog> catalog, ObjectProvider<JobStore> store,
			ObjectProvider<JobProperties> properties, ObjectProvider<Notifications> notifications,
			ObjectProvider<Directory> directory) {
		this.catalog = catalog;
		this.store = store;
		this.properties = properties;
		this.notifications = notifications;
		this.directory = directory;
		// wall time, not the platform's clock that tests move: runs happen now
		this.clock = Clock.systemUTC();
	}

	/** What this node last wrote for a job, and the runs counted since. */
	private record Written(String outcome, Instant at, long runsSince, long failuresSince) {
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ScheduledTaskObservationContext;
	}

	@Override
	public void onStart(ScheduledTaskObservationContext context) {
		context.put(STARTED, this.clock.instant());
	}

	@Override
	public void onStop(ScheduledTaskObservationContext context) {
		try {
			record(context);
		}
		catch (RuntimeException ex) {
			// never let the bookkeeping break the job or the scheduler
			log.warn("Could not record a run of {}.{}: {}", context.getTargetClass().getSimpleName(),
					context.getMethod().getName(), ex.getMessage());
		}
	}

	/** This node's latest run of a job, if any. */
	Optional<JobRun> latest(String name) {
		return Optional.ofNullable(this.latest.get(name));
	}

	private void record(ScheduledTaskObservationContext context) {
		String key = context.getTargetClass().getName() + "." + context.getMethod().getName();
		Optional<Job> found = this.catalog.getObject().byKey(key);
		if (found.isEmpty()) {
			return;
		}
		Job job = found.get();
		Instant started = context.getOrDefault(STARTED, this.clock.instant());
		ManualRuns.ManualRun manual = ManualRuns.current();
		Throwable error = context.getError();
		JobRun run = new JobRun(job.name(), (manual != null) ? JobRun.MANUAL : JobRun.SCHEDULED,
				(manual != null) ? manual.startedBy : null, started, this.clock.instant(),
				(error != null) ? JobRun.FAILED : JobRun.SUCCESS, JobRun.describe(error));
		if (manual != null) {
			manual.recorded = run;
		}
		this.latest.put(job.name(), run);

		boolean frequent = job.frequentBelow(this.properties.getObject().frequentBelow());
		Written before = this.written.get(job.name());
		boolean changed = before == null || !before.outcome().equals(run.outcome());
		boolean keep = !frequent || manual != null || run.failed() || changed;
		long runs = ((before != null) ? before.runsSince() : 0) + 1;
		long failures = ((before != null) ? before.failuresSince() : 0) + (run.failed() ? 1 : 0);
		boolean due = keep || Duration.between(before.at(), run.finishedAt())
			.compareTo(this.properties.getObject().frequentBelow()) >= 0;
		if (due) {
			this.store.getObject().save(job.module(), run, keep, runs, failures);
			this.written.put(job.name(), new Written(run.outcome(), run.finishedAt(), 0, 0));
		}
		else {
			this.written.put(job.name(), new Written(before.outcome(), before.at(), runs, failures));
		}
		if (run.failed() && (!frequent || changed || manual != null)) {
			notifyAdmins(run);
		}
	}

	private void notifyAdmins(JobRun run) {
		List<Long> admins = this.directory.getObject()
			.usersWithin("", ADMIN_PERMISSION)
			.stream()
			.map(Directory.Member::id)
			.toList();
		this.notifications.getObject()
			.send(admins, new Notice(JOB_FAILED, "定时任务执行失败：" + run.name(),
					"任务 " + run.name() + " 于 " + run.startedAt() + " 执行失败：" + run.error(), "/ops/jobs", null, null));
	}

}
