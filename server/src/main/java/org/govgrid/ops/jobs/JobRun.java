package org.govgrid.ops.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * One run of a job: who or what started it, when, how it ended and, if it failed, why.
 *
 * @param trigger {@code SCHEDULED} or {@code MANUAL}
 * @param startedBy the admin's username for a manual run
 * @param outcome {@code SUCCESS} or {@code FAILED}
 */
record JobRun(String name, String trigger, String startedBy, Instant startedAt, Instant finishedAt, String outcome,
		String error) {

	static final String SUCCESS = "SUCCESS";

	static final String FAILED = "FAILED";

	static final String SCHEDULED = "SCHEDULED";

	static final String MANUAL = "MANUAL";

	/** An error text is kept short and never carries a stack trace. */
	static final int ERROR_LENGTH = 1000;

	long durationMs() {
		return Duration.between(this.startedAt, this.finishedAt).toMillis();
	}

	boolean failed() {
		return FAILED.equals(this.outcome);
	}

	static String describe(Throwable error) {
		if (error == null) {
			return null;
		}
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause
				&& (cause instanceof java.lang.reflect.UndeclaredThrowableException
						|| cause instanceof java.lang.reflect.InvocationTargetException)) {
			cause = cause.getCause();
		}
		String text = cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
		return (text.length() <= ERROR_LENGTH) ? text : text.substring(0, ERROR_LENGTH - 1) + "…";
	}

}
