package org.govgrid.performance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.identity.Directory;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionListing;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Component;

/**
 * Who is ranked in an area whether or not they earned points: its grids, and its grid
 * workers (active users scoped to one of those grids who may read rankings). Without it a
 * worker or grid with nothing in the ledger would be missing instead of last.
 */
@Component
class RankingRoster {

	static final String RANKED_PERMISSION = "performance:ranking:read";

	private final RegionListing regions;

	private final Directory directory;

	RankingRoster(RegionListing regions, Directory directory) {
		this.regions = regions;
		this.directory = directory;
	}

	Roster of(String path) {
		Set<Long> grids = this.regions.under(path)
			.stream()
			.filter(r -> r.level() == RegionLevel.GRID)
			.map(RegionSummary::id)
			.collect(Collectors.toCollection(java.util.LinkedHashSet::new));
		Map<Long, Long> workers = new LinkedHashMap<>();
		List<Directory.Member> members = this.directory.usersWithin(path, RANKED_PERMISSION);
		members.stream()
			.filter(m -> grids.contains(m.scopeRegionId()))
			.forEach(m -> workers.put(m.id(), m.scopeRegionId()));
		return new Roster(workers, grids);
	}

	/** {@code workers}: user id → their grid; {@code grids}: the area's grid ids. */
	record Roster(Map<Long, Long> workers, Set<Long> grids) {
	}

}
