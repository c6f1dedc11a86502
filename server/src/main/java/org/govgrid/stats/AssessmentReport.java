package org.govgrid.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.collection.CollectionSummaries;
import org.govgrid.patrol.PatrolSummaries;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Service;

/**
 * 考核统计: per grid of an area, how its events went (reported, closed, on time, hours,
 * rating, overdue) and how much its workers patrolled and collected, in a range of days.
 * Grids without any activity are left out.
 */
@Service
class AssessmentReport {

	private final StatsQuery query;

	private final PatrolSummaries patrols;

	private final CollectionSummaries records;

	private final RegionService regions;

	AssessmentReport(StatsQuery query, PatrolSummaries patrols, CollectionSummaries records, RegionService regions) {
		this.query = query;
		this.patrols = patrols;
		this.records = records;
		this.regions = regions;
	}

	List<Row> of(RegionSummary region, LocalDate from, LocalDate to) {
		List<String> measures = List.of("count", "closed", "onTimeRate", "avgHandlingHours", "satisfaction", "overdue");
		StatsQuery.Result events = this.query.run(region, from, to,
				new StatsQuery.Request(List.of("grid"), measures, Map.of()));
		Instant start = from.atStartOfDay(EventFact.LOCAL).toInstant();
		Instant end = to.plusDays(1).atStartOfDay(EventFact.LOCAL).toInstant();
		Map<Long, PatrolSummaries.Totals> walked = this.patrols.byGrid(region.path(), start, end);
		Map<Long, CollectionSummaries.Totals> collected = this.records.byGrid(region.path(), start, end);
		Map<String, Map<String, Double>> byGridCode = new HashMap<>();
		events.rows().forEach(row -> byGridCode.put(row.keys().get(0).key(), row.values()));
		java.util.Set<Long> gridIds = new java.util.TreeSet<>(walked.keySet());
		gridIds.addAll(collected.keySet());
		Map<String, RegionSummary> grids = new HashMap<>();
		this.regions.findAll(byGridCode.keySet(), gridIds).forEach(g -> grids.put(g.code(), g));
		return grids.values().stream().map(grid -> {
			Map<String, Double> e = byGridCode.getOrDefault(grid.code(), Map.of());
			PatrolSummaries.Totals p = walked.getOrDefault(grid.id(), new PatrolSummaries.Totals(0, 0, 0));
			CollectionSummaries.Totals r = collected.getOrDefault(grid.id(), new CollectionSummaries.Totals(0, 0));
			return new Row(grid.id(), grid.code(), grid.name(), count(e.get("count")), count(e.get("closed")),
					e.get("onTimeRate"), e.get("avgHandlingHours"), e.get("satisfaction"), count(e.get("overdue")),
					p.patrols(), Math.round(p.seconds() / 36.0) / 100.0, r.records(), r.approved());
		}).sorted(java.util.Comparator.comparing(Row::gridCode)).toList();
	}

	private static long count(Double value) {
		return value == null ? 0 : value.longValue();
	}

	record Row(long gridId, String gridCode, String gridName, long events, long closed, Double onTimeRate,
			Double avgHandlingHours, Double satisfaction, long overdue, long patrols, double patrolHours, long records,
			long recordsApproved) {
	}

}
