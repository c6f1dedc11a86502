package org.govgrid.ops.jobs;

/**
 * Marks the thread of a manual run, so that the observation of the run it starts on the
 * same thread is recorded as {@code MANUAL} by that admin, and hands the recorded run
 * back.
 */
final class ManualRuns {

	private static final ThreadLocal<ManualRun> CURRENT = new ThreadLocal<>();

	private ManualRuns() {
	}

	static final class ManualRun {

		final String startedBy;

		JobRun recorded;

		ManualRun(String startedBy) {
			this.startedBy = startedBy;
		}

	}

	static ManualRun begin(String startedBy) {
		ManualRun run = new ManualRun(startedBy);
		CURRENT.set(run);
		return run;
	}

	static ManualRun current() {
		return CURRENT.get();
	}

	static void end() {
		CURRENT.remove();
	}

}
