package org.govgrid.demo;

import java.util.List;
import java.util.Map;

/**
 * The demo town as the history needs it: its grids (each with the worker who reports
 * there), the centre's account, the leader's, and the units that handle events.
 */
record HistoryTown(long townId, String townCode, List<Grid> grids, Person centre, Person leader,
		Map<String, Department> departments) {

	/** A person who acts in the flows; {@code id} null for a unit's unnamed staff. */
	record Person(Long id, String name) {
	}

	record Department(long id, String name, Person handler) {
	}

	record Grid(long id, long communityId, String communityName, String path, double lon, double lat, double width,
			double height, Person worker, Person communityStaff) {
	}

}
