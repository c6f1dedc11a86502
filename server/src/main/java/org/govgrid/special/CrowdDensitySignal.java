package org.govgrid.special;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.govgrid.platform.DataScope;
import org.govgrid.region.RegionListing;
import org.govgrid.warning.Signal;
import org.govgrid.warning.SignalQuery;
import org.govgrid.warning.SignalSource;
import org.springframework.stereotype.Component;

/**
 * CROWD_DENSITY: a grid's latest quarter-hour count (no older than an hour) above the
 * rule's threshold or, with factor k, above k × the grid's usual count for that weekday
 * and quarter hour ({@link CrowdLimits}). The episode begins at the first bucket of the
 * run of crossing buckets. Two queries per sweep (the latest buckets, then the last day
 * of the grids that cross); the backtest one query over the period.
 */
@Component
class CrowdDensitySignal implements SignalSource {

	static final String KIND = "CROWD_DENSITY";

	/** A latest bucket older than this says nothing about now (the feed has stopped). */
	static final Duration STALE_AFTER = Duration.ofHours(1);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm", Locale.CHINA)
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final CrowdStore store;

	private final RegionListing regions;

	CrowdDensitySignal(CrowdStore store, RegionListing regions) {
		this.store = store;
		this.regions = regions;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String thresholdMeaning() {
		return "网格一刻钟人数上限（设系数k时取 max(阈值, k×同星期同时段常值)，常值为前4周中位数）";
	}

	@Override
	public String categoryCode() {
		return null;
	}

	@Override
	public List<Signal> holding(SignalQuery q) {
		DataScope area = new DataScope(0, q.regionPath());
		List<CrowdStore.Stored> crossing = this.store.latest(area, q.now().minus(STALE_AFTER), q.now())
			.stream()
			.filter(s -> CrowdLimits.crosses(s.bucket(), q.threshold(), q.factor()))
			.toList();
		if (crossing.isEmpty()) {
			return List.of();
		}
		Map<Long, List<CrowdStore.Stored>> lastDay = this.store.series(area,
				crossing.stream().map(CrowdStore.Stored::gridId).toList(), q.now().minus(Duration.ofDays(1)), q.now());
		Map<Long, RegionListing.GridOutline> grids = grids(q.regionPath());
		List<Signal> signals = new ArrayList<>();
		for (CrowdStore.Stored latest : crossing) {
			List<CrowdLimits.Bucket> series = lastDay.getOrDefault(latest.gridId(), List.of())
				.stream()
				.map(CrowdStore.Stored::bucket)
				.toList();
			Instant since = CrowdLimits.currentRunStart(series, q.threshold(), q.factor());
			signals.add(signal(latest, since == null ? latest.bucket().start() : since, q, grids));
		}
		return signals;
	}

	@Override
	public List<Signal> history(SignalQuery q, Instant from, Instant to) {
		DataScope area = new DataScope(0, q.regionPath());
		Map<Long, RegionListing.GridOutline> grids = grids(q.regionPath());
		List<Signal> signals = new ArrayList<>();
		this.store.series(area, null, from.minus(CrowdLimits.BUCKET), to).values().forEach(series -> {
			List<CrowdLimits.Bucket> buckets = series.stream().map(CrowdStore.Stored::bucket).toList();
			for (CrowdLimits.Bucket start : CrowdLimits.runStarts(buckets, q.threshold(), q.factor())) {
				if (!start.start().isBefore(from) && !start.start().isAfter(to)) {
					CrowdStore.Stored stored = new CrowdStore.Stored(series.get(0).gridId(), series.get(0).path(),
							start);
					signals.add(signal(stored, start.start(), q, grids));
				}
			}
		});
		return signals;
	}

	private Map<Long, RegionListing.GridOutline> grids(String path) {
		Map<Long, RegionListing.GridOutline> grids = new HashMap<>();
		this.regions.gridsUnder(path).forEach(g -> grids.put(g.id(), g));
		return grids;
	}

	private static Signal signal(CrowdStore.Stored stored, Instant since, SignalQuery q,
			Map<Long, RegionListing.GridOutline> grids) {
		CrowdLimits.Bucket bucket = stored.bucket();
		Double usual = bucket.usual();
		double limit = CrowdLimits.limit(q.threshold(), q.factor(), usual);
		RegionListing.GridOutline grid = grids.get(stored.gridId());
		String name = grid == null ? "网格" : grid.name();
		String basis = q.factor() != null && usual != null && limit > q.threshold()
				? String.format(Locale.ROOT, "同星期同时段常值 %.0f 人的 %.1f 倍", usual, q.factor())
				: "阈值 " + q.threshold() + " 人";
		String detail = String.format(Locale.ROOT, "%s %s 起一刻钟内约 %d 人，超过%s（上限 %.0f 人），人员密集，请关注现场秩序与安全。", name,
				TIME.format(bucket.start()), bucket.people(), basis, limit);
		return new Signal(stored.gridId(), stored.path(), "crowd", detail, bucket.people(), limit, since,
				grid == null ? null : grid.centerLon(), grid == null ? null : grid.centerLat());
	}

}
