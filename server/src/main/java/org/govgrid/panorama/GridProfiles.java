package org.govgrid.panorama;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.govgrid.basedata.BaseDataMap;
import org.govgrid.basedata.BaseDataMap.KeyPerson;
import org.govgrid.basedata.BaseDataMap.Tally;
import org.govgrid.event.EventLookup;
import org.govgrid.identity.Directory;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Service;

/**
 * A grid at a glance (网格画像): what a grid worker knows by heart, for the officials who do
 * not — boundary, workers, base data in numbers, recent events and key people.
 */
@Service
class GridProfiles {

	private static final int KEY_PEOPLE = 50;

	private static final int RECENT_EVENTS = 10;

	private static final Duration MONTH = Duration.ofDays(30);

	private final RegionService regions;

	private final BaseDataMap baseData;

	private final EventLookup events;

	private final Directory directory;

	private final Clock clock;

	GridProfiles(RegionService regions, BaseDataMap baseData, EventLookup events, Directory directory, Clock clock) {
		this.regions = regions;
		this.baseData = baseData;
		this.events = events;
		this.directory = directory;
		this.clock = clock;
	}

	record Grid(long id, String code, String name, String path, @JsonRawValue String boundary) {
	}

	record Worker(long id, String name) {
	}

	record Counts(long people, long houses, long rentedHouses, long places, long organizations, long things,
			long disputesOpen, long events30d) {
	}

	record RecentEvent(long id, String code, String title, String status, String flag, Instant reportedAt) {
	}

	record Profile(Grid grid, List<Worker> workers, Counts counts, List<Tally> byHousehold, List<Tally> byTag,
			List<Tally> byThingType, List<RecentEvent> recentEvents, List<KeyPerson> keyPeople) {
	}

	Profile profile(long gridId, ScopedPrincipal caller) {
		RegionSummary grid = this.regions.find(gridId)
			.filter(g -> g.level() == RegionLevel.GRID && caller.scope().covers(g.path()))
			.orElseThrow(() -> new NotFoundException("grid", gridId));
		Instant now = this.clock.instant();
		BaseDataMap.Overview overview = this.baseData.overview(new DataScope(grid.id(), grid.path()), KEY_PEOPLE);
		Map<Long, String> names = this.directory.userNames(this.directory.usersAt(grid.id(), "basedata:person:write"));
		List<Worker> workers = names.entrySet().stream().map(e -> new Worker(e.getKey(), e.getValue())).toList();
		boolean seesEvents = caller.can("event:case:read-all");
		List<RecentEvent> recent = !seesEvents ? List.of()
				: this.events.located(grid.path(), null, now.minus(MONTH), RECENT_EVENTS)
					.stream()
					.map(e -> new RecentEvent(e.id(), e.code(), e.title(), e.status(), e.flag(), e.reportedAt()))
					.toList();
		long events30d = !seesEvents ? 0
				: this.events.countReported(grid.path(), now.minus(MONTH), now, EventLookup.Filter.ANY);
		Counts counts = new Counts(overview.people(), overview.houses(), overview.rentedHouses(), overview.places(),
				overview.organizations(), overview.things(), overview.disputesOpen(), events30d);
		return new Profile(
				new Grid(grid.id(), grid.code(), grid.name(), grid.path(),
						this.regions.boundary(grid.id()).orElse(null)),
				workers, counts, overview.byHousehold(), overview.byTag(), overview.byThingType(), recent,
				overview.keyPeople());
	}

}
