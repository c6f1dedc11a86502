package org.govgrid.party;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The SQL condition for a visible organisation, and the area a list asks for. */
final class PartyScopes {

	private PartyScopes() {
	}

	/**
	 * An organisation is visible when its region lies in the scope or when it is placed
	 * in a grid of the scope (a grid worker sees the branch of their grid).
	 */
	static String organizationVisible(String alias, DataScope scope, MapSqlParameterSource params) {
		if (scope.path().isEmpty()) {
			return "true";
		}
		return "(" + ScopeFilter.of(scope, alias + ".region_path").addTo(params)
				+ " or exists (select 1 from party_organization_grid vg where vg.organization_id = " + alias
				+ ".id and " + ScopeFilter.of(scope, "vg.grid_path").addTo(params) + "))";
	}

	/** The named region if the caller may see it (else 404), or the caller's own area. */
	static DataScope area(RegionService regions, Long regionId, ScopedPrincipal caller) {
		if (regionId == null) {
			return caller.scope();
		}
		RegionSummary region = regions.find(regionId)
			.filter(r -> caller.scope().covers(r.path()))
			.orElseThrow(() -> new NotFoundException("region", regionId));
		return new DataScope(region.id(), region.path());
	}

	static String like(String keyword) {
		return "%" + keyword.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

}
