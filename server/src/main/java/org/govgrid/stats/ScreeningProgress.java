package org.govgrid.stats;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.govgrid.basedata.HouseCounts;
import org.govgrid.collection.CampaignProgress;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.region.RegionService;
import org.springframework.stereotype.Service;

/**
 * 重点人员排查 on the dashboard: for the area's newest campaign of the seeded form, per grid
 * the households checked (distinct houses in its records) against the houses registered
 * in the grid (basedata).
 */
@Service
class ScreeningProgress {

	static final String FORM = "KEY_PERSON_SCREENING";

	/** The form's answer naming the house. */
	static final String HOUSE_FIELD = "house";

	private final CampaignProgress campaigns;

	private final HouseCounts houses;

	private final RegionService regions;

	ScreeningProgress(CampaignProgress campaigns, HouseCounts houses, RegionService regions) {
		this.campaigns = campaigns;
		this.houses = houses;
		this.regions = regions;
	}

	/**
	 * Empty campaign (null) when the area has none; a campaign id outside the area is
	 * 404.
	 */
	Progress of(DataScope area, Long campaignId) {
		CampaignProgress.Campaign campaign = campaignId == null ? this.campaigns.latest(FORM, area.path()).orElse(null)
				: this.campaigns.find(campaignId)
					.filter(c -> area.covers(c.regionPath()) || area.path().equals(c.regionPath())
							|| area.path().startsWith(c.regionPath() + "/"))
					.orElseThrow(() -> new NotFoundException("campaign", campaignId));
		if (campaign == null) {
			return new Progress(null, null, null, 0, 0, List.of());
		}
		// the part of the area the campaign covers
		String path = area.covers(campaign.regionPath()) ? campaign.regionPath() : area.path();
		Map<Long, Long> checked = this.campaigns.householdsByGrid(campaign.id(), HOUSE_FIELD, path);
		Map<Long, Long> registered = this.houses.byGrid(path);
		Set<Long> grids = new TreeSet<>(checked.keySet());
		grids.addAll(registered.keySet());
		Map<Long, String> names = this.regions.namesOf(grids);
		List<Grid> rows = grids.stream()
			.map(id -> new Grid(id, names.get(id), checked.getOrDefault(id, 0L), registered.getOrDefault(id, 0L)))
			.sorted(Comparator.comparing((Grid g) -> g.name() == null ? "" : g.name()))
			.limit(PageQuery.MAX_SIZE)
			.toList();
		return new Progress(campaign.id(), campaign.name(), campaign.dueDate(),
				checked.values().stream().mapToLong(Long::longValue).sum(),
				registered.values().stream().mapToLong(Long::longValue).sum(), rows);
	}

	/**
	 * A campaign's progress: households checked of those registered, in all and per grid.
	 */
	record Progress(Long campaignId, String campaignName, LocalDate dueDate, long checked, long registered,
			List<Grid> grids) {
	}

	record Grid(long gridId, String name, long checked, long registered) {
	}

}
