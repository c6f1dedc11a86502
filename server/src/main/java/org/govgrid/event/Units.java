package org.govgrid.event;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.govgrid.event.model.RoutingRule.RouteTarget;
import org.govgrid.event.model.Unit;
import org.govgrid.identity.Directory;
import org.govgrid.region.RegionService;
import org.springframework.stereotype.Component;

/** Turns routing targets into units and units into names, for many at once. */
@Component
class Units {

	private final RegionService regions;

	private final Directory directory;

	Units(RegionService regions, Directory directory) {
		this.regions = regions;
		this.directory = directory;
	}

	static Unit resolve(RouteTarget target, StoredEvent.Place place) {
		return switch (target.kind()) {
			case OWN_GRID -> place.grid();
			case OWN_COMMUNITY -> place.community();
			case TOWN_CENTRE -> place.townCentre();
			case DEPARTMENT -> Unit.department(target.departmentId());
		};
	}

	/** Display names of the units (regions by their name, departments by theirs). */
	Map<Unit, String> names(Collection<Unit> units) {
		Set<Long> regionIds = new HashSet<>();
		Set<Long> departmentIds = new HashSet<>();
		units.stream().filter(Objects::nonNull).forEach(unit -> {
			if (unit.kind() == Unit.Kind.DEPARTMENT) {
				departmentIds.add(unit.id());
			}
			else {
				regionIds.add(unit.id());
			}
		});
		Map<Long, String> regionNames = this.regions.namesOf(regionIds);
		Map<Long, String> departmentNames = this.directory.departmentNames(departmentIds);
		Map<Unit, String> names = new HashMap<>();
		units.stream().filter(Objects::nonNull).forEach(unit -> {
			String name = unit.kind() == Unit.Kind.DEPARTMENT ? departmentNames.get(unit.id())
					: regionNames.get(unit.id());
			names.put(unit, unit.kind() == Unit.Kind.TOWN_CENTRE && name != null ? name + "指挥中心" : name);
		});
		return names;
	}

	/** A unit as the API shows it. */
	record UnitView(String kind, long id, String name) {

		static UnitView of(Unit unit, Map<Unit, String> names) {
			return unit == null ? null : new UnitView(unit.kind().name(), unit.id(), names.get(unit));
		}

	}

}
