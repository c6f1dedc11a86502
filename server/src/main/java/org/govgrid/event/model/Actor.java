package org.govgrid.event.model;

import java.util.Set;

/**
 * Who acts and for which units: a grid worker acts for their grid, a department handler
 * for their department, centre staff for their town's centre. The model uses it to tell
 * the handling side from the reporting side; permissions are checked before.
 */
public record Actor(long userId, String name, Set<Unit> units) {

	public Actor {
		units = Set.copyOf(units);
	}

	/** The system itself (automatic routing, scheduled jobs). */
	public static final Actor SYSTEM = new Actor(0, "system", Set.of());

	public boolean actsFor(Unit unit) {
		return unit != null && this.units.contains(unit);
	}

}
