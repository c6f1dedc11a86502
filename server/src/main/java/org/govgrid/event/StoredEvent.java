package org.govgrid.event;

import org.govgrid.event.model.DeadlineFlag;
import org.govgrid.event.model.EventCase;
import org.govgrid.event.model.Unit;

/**
 * An event as stored: the lifecycle ({@link EventCase}) plus what only describes it
 * (text, place, reporter, routing) and the row version for optimistic locking.
 */
record StoredEvent(long id, long version, EventCase lifecycle, Details details, Place place, Unit suggestedUnit,
		Long routingRuleId, int acceptanceMinutes, int disposalMinutes, DeadlineFlag flag) {

	/** What was reported. */
	record Details(String title, String description, String reporterName, String reporterPhone) {
	}

	/** Where: the point, the address and the grid with its community and town. */
	record Place(double lon, double lat, String address, long gridId, long communityId, long townId,
			String regionPath) {

		Unit grid() {
			return Unit.grid(this.gridId);
		}

		Unit community() {
			return Unit.community(this.communityId);
		}

		Unit townCentre() {
			return Unit.townCentre(this.townId);
		}

	}

}
