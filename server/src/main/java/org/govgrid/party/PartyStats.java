package org.govgrid.party;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 党建统计, computed in SQL within the area asked for (the caller's scope by default, a
 * region outside it is 404). Organisations and members are counted as they stand;
 * activities within the period, by default the last twelve months including this one.
 */
@Service
class PartyStats {

	private static final int MAX_GRIDS = 1000;

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final Clock clock;

	PartyStats(NamedParameterJdbcTemplate jdbc, RegionService regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	PartyStatsView stats(Long regionId, LocalDate from, LocalDate to, ScopedPrincipal caller) {
		LocalDate today = LocalDate.now(this.clock.withZone(PartyActivities.ZONE));
		LocalDate start = from == null ? today.withDayOfMonth(1).minusMonths(11) : from;
		LocalDate end = to == null ? today : to;
		if (end.isBefore(start)) {
			new FieldErrors().add("to", "before from / 结束日期早于开始日期").throwIfAny();
		}
		DataScope area = PartyScopes.area(this.regions, regionId, caller);
		MapSqlParameterSource p = new MapSqlParameterSource("from",
				Timestamp.from(start.atStartOfDay(PartyActivities.ZONE).toInstant()))
			.addValue("to", Timestamp.from(end.plusDays(1).atStartOfDay(PartyActivities.ZONE).toInstant()));
		String orgs = PartyScopes.organizationVisible("o", area, p);
		String members = ScopeFilter.of(area, "m.region_path").addTo(p);
		String acts = ScopeFilter.of(area, "a.region_path").addTo(p) + " and a.held_at >= :from and a.held_at < :to";
		String grids = "g.level = 'GRID' and " + ScopeFilter.of(area, "g.path").addTo(p);

		List<PartyStatsView.TypeCount> orgTypes = this.jdbc
			.query("select o.type, count(*) as n from party_organization o where " + orgs
					+ " group by o.type order by min(case o.type when 'COMMITTEE' then 0 when 'GENERAL_BRANCH' then 1"
					+ " when 'BRANCH' then 2 else 3 end)", p,
					(rs, n) -> new PartyStatsView.TypeCount(rs.getString("type"), rs.getLong("n")));
		List<PartyStatsView.StatusCount> statuses = this.jdbc.query(
				"select m.status, count(*) as n from party_member m where " + members
						+ " group by m.status order by m.status",
				p, (rs, n) -> new PartyStatsView.StatusCount(rs.getString("status"), rs.getLong("n")));
		Map<String, Object> memberTotals = this.jdbc.queryForMap("""
				select count(*) as total, count(m.grid_id) as placed, count(*) filter (where m.dual_report) as dual
				from party_member m where """ + members, p);
		List<PartyStatsView.TypeCount> byType = this.jdbc.query(
				"select a.type, count(*) as n from party_activity a where " + acts + " group by a.type order by a.type",
				p, (rs, n) -> new PartyStatsView.TypeCount(rs.getString("type"), rs.getLong("n")));
		List<PartyStatsView.MonthCount> byMonth = this.jdbc.query(
				"select to_char(a.held_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*) as n"
						+ " from party_activity a where " + acts + " group by 1 order by 1",
				p, (rs, n) -> new PartyStatsView.MonthCount(rs.getString("month"), rs.getLong("n")));
		String uncovered = " from region g where " + grids
				+ " and not exists (select 1 from party_organization_grid og where og.grid_id = g.id)";
		Long uncoveredCount = this.jdbc.queryForObject("select count(*)" + uncovered, p, Long.class);
		List<PartyOrganizationView.GridRef> uncoveredGrids = this.jdbc.query(
				"select g.id, g.code, g.name" + uncovered + " order by g.code limit " + MAX_GRIDS, p,
				(rs, n) -> new PartyOrganizationView.GridRef(rs.getLong("id"), rs.getString("code"),
						rs.getString("name")));
		List<PartyStatsView.Participation> participation = this.jdbc
			.query("""
					select o.id, o.name,
					       (select count(*) from party_member m where m.organization_id = o.id) as members,
					       count(a.id) as activities,
					       coalesce(sum((select count(*) from party_activity_participant ap where ap.activity_id = a.id)), 0)
					           as participants
					from party_organization o join party_activity a on a.organization_id = o.id and %s
					where %s group by o.id, o.name order by count(a.id) desc, o.name limit 100"""
				.formatted(acts, orgs), p, (rs, n) -> {
					long m = rs.getLong("members");
					long a = rs.getLong("activities");
					long part = rs.getLong("participants");
					double rate = m == 0 || a == 0 ? 0 : Math.round(1000.0 * part / (m * a)) / 1000.0;
					return new PartyStatsView.Participation(rs.getLong("id"), rs.getString("name"), m, a, part, rate);
				});
		List<PartyStatsView.RegionCount> byRegion = byRegion(area, p);
		long total = ((Number) memberTotals.get("total")).longValue();
		long placed = ((Number) memberTotals.get("placed")).longValue();
		return new PartyStatsView(area.regionId(), start, end, orgTypes.stream().mapToLong(t -> t.count()).sum(), total,
				byType.stream().mapToLong(t -> t.count()).sum(), orgTypes, statuses, byType, byMonth,
				uncoveredCount == null ? 0 : uncoveredCount, uncoveredGrids, placed, total - placed,
				((Number) memberTotals.get("dual")).longValue(), participation, byRegion);
	}

	/**
	 * The area's next level down (a town's communities), each with its own counts. Each
	 * table is read once under the area's path (its index) and grouped by the child's
	 * path, rather than matched against every child with a pattern the index cannot use.
	 */
	private List<PartyStatsView.RegionCount> byRegion(DataScope area, MapSqlParameterSource p) {
		String children = area.regionId() == 0 ? "r.parent_id is null" : "r.parent_id = :areaId";
		p.addValue("areaId", area.regionId()).addValue("areaLength", area.path().length());
		String child = area.path().isEmpty() ? "split_part(%s, '/', 1)"
				: ":scopePath || '/' || split_part(substr(%s, :areaLength + 2), '/', 1)";
		return this.jdbc.query(
				"""
						with o as (select %s as path, count(*) as n from party_organization o where %s group by 1),
						     m as (select %s as path, count(*) as n from party_member m where %s group by 1),
						     a as (select %s as path, count(*) as n from party_activity a
						           where %s and a.held_at >= :from and a.held_at < :to group by 1)
						select r.id, r.name, coalesce(o.n, 0) as organizations, coalesce(m.n, 0) as members,
						       coalesce(a.n, 0) as activities
						from region r left join o on o.path = r.path left join m on m.path = r.path
						left join a on a.path = r.path
						where %s order by r.code""".formatted(child.formatted("o.region_path"),
						ScopeFilter.of(area, "o.region_path").addTo(p), child.formatted("m.region_path"),
						ScopeFilter.of(area, "m.region_path").addTo(p), child.formatted("a.region_path"),
						ScopeFilter.of(area, "a.region_path").addTo(p), children),
				p, (rs, n) -> new PartyStatsView.RegionCount(rs.getLong("id"), rs.getString("name"),
						rs.getLong("organizations"), rs.getLong("members"), rs.getLong("activities")));
	}

}
