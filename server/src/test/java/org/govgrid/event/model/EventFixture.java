package org.govgrid.event.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Builds events in any state of the lifecycle, reported by a grid worker of grid 11 to
 * town centre 3.
 */
final class EventFixture {

	static final Instant T0 = Instant.parse("2026-11-24T01:00:00Z");

	static final Unit GRID = Unit.grid(11);

	static final Unit CENTRE = Unit.townCentre(3);

	static final Unit CITY_MANAGEMENT = Unit.department(7);

	static final Actor WORKER = new Actor(100, "worker1", Set.of(GRID));

	static final Actor OTHER_WORKER = new Actor(101, "worker2", Set.of(Unit.grid(12)));

	static final Actor CENTRE_STAFF = new Actor(200, "center", Set.of(CENTRE));

	static final Actor HANDLER = new Actor(300, "dept_cg", Set.of(CITY_MANAGEMENT));

	static final Actor LEADER = new Actor(400, "leader", Set.of(CENTRE));

	private EventFixture() {
	}

	/**
	 * The states a test can start from; REPORTED splits into before and after acceptance.
	 */
	enum Stage {

		NEW, ACCEPTED, DISPATCHED, IN_PROGRESS, RESOLVED, CLOSED, REJECTED

	}

	static EventCase reportedInGrid() {
		return EventCase.report("SJ20261124000001", "CSGL-01", EventLevel.GENERAL, EventSource.GRID_WORKER, WORKER,
				GRID, CENTRE, T0.plus(Duration.ofHours(2)), T0);
	}

	static EventCase at(Stage stage) {
		EventCase event = reportedInGrid();
		Instant t = T0;
		if (stage == Stage.NEW) {
			return event;
		}
		if (stage == Stage.REJECTED) {
			event.reject(CENTRE_STAFF, "not a case", t = t.plusSeconds(60));
			return event;
		}
		event.accept(CENTRE_STAFF, t = t.plusSeconds(60), null);
		if (stage == Stage.ACCEPTED) {
			return event;
		}
		event.dispatch(CENTRE_STAFF, CITY_MANAGEMENT, null, t.plus(Duration.ofHours(24)), t = t.plusSeconds(60), null);
		if (stage == Stage.DISPATCHED) {
			return event;
		}
		event.sign(HANDLER, t = t.plusSeconds(60), null);
		if (stage == Stage.IN_PROGRESS) {
			return event;
		}
		event.resolve(HANDLER, "cleared", List.of(5L), t = t.plusSeconds(60));
		if (stage == Stage.RESOLVED) {
			return event;
		}
		event.verify(WORKER, true, "ok", List.of(), t.plusSeconds(60));
		return event;
	}

	/** Whoever holds the event now. */
	static Actor holder(EventCase event) {
		return new Actor(event.currentUnit().kind() == Unit.Kind.DEPARTMENT ? HANDLER.userId() : CENTRE_STAFF.userId(),
				"holder", Set.of(event.currentUnit()));
	}

}
