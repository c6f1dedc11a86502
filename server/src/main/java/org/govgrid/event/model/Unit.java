package org.govgrid.event.model;

import java.util.Objects;

/**
 * A unit that holds an event: a grid, a community, a town's command centre or a
 * department. {@code id} is the region id (or the department id for departments).
 */
public record Unit(Kind kind, long id) {

	public Unit {
		Objects.requireNonNull(kind, "kind");
	}

	public static Unit grid(long regionId) {
		return new Unit(Kind.GRID, regionId);
	}

	public static Unit community(long regionId) {
		return new Unit(Kind.COMMUNITY, regionId);
	}

	public static Unit townCentre(long regionId) {
		return new Unit(Kind.TOWN_CENTRE, regionId);
	}

	public static Unit department(long departmentId) {
		return new Unit(Kind.DEPARTMENT, departmentId);
	}

	/** The handling level work at this unit counts as. */
	public HandlingLevel level() {
		return switch (this.kind) {
			case GRID -> HandlingLevel.GRID;
			case COMMUNITY -> HandlingLevel.COMMUNITY;
			case TOWN_CENTRE -> HandlingLevel.TOWN;
			case DEPARTMENT -> HandlingLevel.DEPARTMENT;
		};
	}

	/** Kinds of handling unit. */
	public enum Kind {

		GRID, COMMUNITY, TOWN_CENTRE, DEPARTMENT

	}

}
