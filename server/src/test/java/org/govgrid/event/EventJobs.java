package org.govgrid.event;

import java.time.Instant;

import org.springframework.context.ApplicationContext;

/**
 * Test fixture: runs the event module's scheduled jobs on demand for tests in other
 * packages (the jobs themselves stay package-private).
 */
public final class EventJobs {

	private EventJobs() {
	}

	/** Recomputes every open event's deadline flag as at {@code now}. */
	public static int recomputeDeadlineFlags(ApplicationContext context, Instant now) {
		return context.getBean(DeadlineFlagJob.class).recompute(now);
	}

}
