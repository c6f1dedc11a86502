package org.govgrid.warning;

import org.springframework.context.ApplicationContext;

/**
 * Runs the scheduled warning sweep ({@link WarningJobs#sweep}, package-private) for the
 * integration tests of the modules whose signal sources it asks.
 */
public final class SweepFromOtherModules {

	private SweepFromOtherModules() {
	}

	public static void sweep(ApplicationContext context) {
		context.getBean(WarningJobs.class).sweep();
	}

}
