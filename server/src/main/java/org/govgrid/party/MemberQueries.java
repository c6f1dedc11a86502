package org.govgrid.party;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The member list's filters as SQL. A keyword matches the name, or exactly an ID number
 * or phone through their keyed hashes (never a pattern over identifiers).
 */
final class MemberQueries {

	private final RegionService regions;

	private final IdentifierProtection protection;

	MemberQueries(RegionService regions, IdentifierProtection protection) {
		this.regions = regions;
		this.protection = protection;
	}

	record Filter(Long organizationId, Long gridId, Long regionId, String status, String keyword, Boolean placed) {
	}

	String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		FieldErrors errors = new FieldErrors();
		StringBuilder where = new StringBuilder(ScopeFilter.of(caller.scope(), "m.region_path").addTo(params));
		if (filter.regionId() != null) {
			DataScope area = PartyScopes.area(this.regions, filter.regionId(), caller);
			where.append(" and ").append(ScopeFilter.of(area, "m.region_path", "area").addTo(params));
		}
		if (filter.organizationId() != null) {
			where.append(" and m.organization_id = :organizationId");
			params.addValue("organizationId", filter.organizationId());
		}
		if (filter.gridId() != null) {
			where.append(" and m.grid_id = :gridId");
			params.addValue("gridId", filter.gridId());
		}
		if (filter.status() != null && !filter.status().isBlank()) {
			MemberStatus status = MemberStatus.parse(filter.status()).orElse(null);
			if (status == null) {
				errors.add("status", MemberStatus.CHOICES);
			}
			else {
				where.append(" and m.status = :status");
				params.addValue("status", status.name());
			}
		}
		if (filter.placed() != null) {
			where.append(filter.placed() ? " and m.grid_id is not null" : " and m.grid_id is null");
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			where.append(" and (m.name like :q or m.id_hash = :hash or m.phone_hash = :hash)");
			params.addValue("q", PartyScopes.like(filter.keyword()))
				.addValue("hash", this.protection.hash(filter.keyword()));
		}
		errors.throwIfAny();
		return where.toString();
	}

}
