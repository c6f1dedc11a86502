package org.govgrid.warning.model;

/** The size of the regions a rule counts in: each grid, each community or each town. */
public enum WatchLevel {

	GRID, COMMUNITY, TOWN;

	/** Region path depth (ADR 0001: city/district/town/community/grid). */
	public int depth() {
		return switch (this) {
			case TOWN -> 3;
			case COMMUNITY -> 4;
			case GRID -> 5;
		};
	}

}
