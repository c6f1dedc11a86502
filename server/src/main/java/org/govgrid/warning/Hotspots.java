package org.govgrid.warning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.govgrid.event.EventCatalog;
import org.govgrid.event.EventLookup;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.warning.model.GroupBy;
import org.govgrid.warning.model.SpatialClusters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 热点研判: where events gather. The events reported in the last {@code days} in an area of
 * the caller's (their whole area by default; another area is 404) are clustered by DBSCAN
 * over metres ({@code eps-meters}, {@code min-points}); each cluster is compared with the
 * events of the window before it, of the same length, within its radius of its centre.
 * Bounded: at most {@value #MAX_DAYS} days and the newest {@code max-events} events of
 * each window.
 */
@Service
class Hotspots {

	static final int MAX_DAYS = 90;

	static final int DEFAULT_DAYS = 7;

	private static final Logger log = LoggerFactory.getLogger(Hotspots.class);

	private final EventLookup events;

	private final EventCatalog catalog;

	private final RegionService regions;

	private final Clock clock;

	private final double eps;

	private final int minPoints;

	private final int maxEvents;

	Hotspots(EventLookup events, EventCatalog catalog, RegionService regions, Clock clock,
			@Value("${govgrid.warning.hotspot.eps-meters:150}") double eps,
			@Value("${govgrid.warning.hotspot.min-points:5}") int minPoints,
			@Value("${govgrid.warning.hotspot.max-events:20000}") int maxEvents) {
		this.events = events;
		this.catalog = catalog;
		this.regions = regions;
		this.clock = clock;
		this.eps = eps;
		this.minPoints = minPoints;
		this.maxEvents = maxEvents;
	}

	/** The hotspots, largest first; {@code categoryCode} a 大类 or 小类 (null: all). */
	@Transactional(readOnly = true)
	List<Hotspot> find(Long regionId, Integer days, String categoryCode, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		if (days != null && (days < 1 || days > MAX_DAYS)) {
			errors.add("days", "1 to " + MAX_DAYS + " / 天数为1至" + MAX_DAYS);
		}
		Map<String, EventCatalog.CategoryName> categories = this.catalog.categories();
		if (categoryCode != null && !categoryCode.isBlank() && !categories.containsKey(categoryCode.strip())) {
			errors.add("categoryCode", "no such category / 事件分类不存在");
		}
		errors.throwIfAny();
		String area = caller.scope().path();
		if (regionId != null) {
			area = this.regions.find(regionId)
				.filter(r -> caller.scope().covers(r.path()))
				.map(RegionSummary::path)
				.orElseThrow(() -> new NotFoundException("region", regionId));
		}
		long started = System.nanoTime();
		Duration window = Duration.ofDays(days == null ? DEFAULT_DAYS : days);
		Instant to = this.clock.instant().plusMillis(1);
		Instant from = to.minus(window);
		EventLookup.Filter filter = new EventLookup.Filter(
				categoryCode == null || categoryCode.isBlank() ? null : categoryCode.strip(), null, null);
		List<EventLookup.Placed> current = this.events.placed(area, from, to, filter, this.maxEvents);
		Map<Long, EventLookup.Placed> byId = current.stream().collect(Collectors.toMap(p -> p.event().id(), p -> p));
		List<SpatialClusters.Cluster> clusters = SpatialClusters.find(current.stream()
			.map(p -> new SpatialClusters.Spot(p.event().id(), p.lon(), p.lat(), p.event().reportedAt(), GroupBy.ALL))
			.toList(), this.eps, this.minPoints);
		List<EventLookup.Placed> previous = clusters.isEmpty() ? List.of()
				: this.events.placed(area, from.minus(window), from, filter, this.maxEvents);
		List<Hotspot> hotspots = clusters.stream().map(c -> {
			double reach = Math.max(this.eps, c.radiusMeters());
			long before = previous.stream().filter(p -> c.reaches(p.lon(), p.lat(), reach)).count();
			List<EventLookup.Match> members = c.members().stream().map(s -> byId.get(s.id()).event()).toList();
			return new Hotspot(round(c.lon()), round(c.lat()), Math.max(1, Math.round(c.radiusMeters())), c.count(),
					top(members, categories), new Trend(before, c.count() - before),
					members.stream().map(EventLookup.Match::reportedAt).min(Instant::compareTo).orElseThrow(),
					members.get(0).reportedAt());
		}).toList();
		log.debug("Hotspots over {} events ({} before) in {} ms: {} clusters", current.size(), previous.size(),
				(System.nanoTime() - started) / 1_000_000, hotspots.size());
		return hotspots;
	}

	/** The three 小类 with the most events of the cluster. */
	private static List<CategoryCount> top(List<EventLookup.Match> members,
			Map<String, EventCatalog.CategoryName> categories) {
		return members.stream()
			.collect(Collectors.groupingBy(EventLookup.Match::categoryCode, Collectors.counting()))
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
				.thenComparing(Map.Entry.comparingByKey()))
			.limit(3)
			.map(e -> new CategoryCount(e.getKey(),
					categories.containsKey(e.getKey()) ? categories.get(e.getKey()).name() : e.getKey(), e.getValue()))
			.toList();
	}

	private static double round(double degrees) {
		return Math.round(degrees * 1e6) / 1e6;
	}

	/**
	 * A hotspot: centre, radius (metres, the farthest event from the centre), events, the
	 * top 小类, and the trend; {@code firstReportedAt} and {@code lastReportedAt} span its
	 * events.
	 */
	record Hotspot(double lon, double lat, long radiusMeters, int count, List<CategoryCount> topCategories, Trend trend,
			Instant firstReportedAt, Instant lastReportedAt) {
	}

	record CategoryCount(String code, String name, long count) {
	}

	/**
	 * The events of the window before, of the same length, within the hotspot's radius
	 * (at least eps) of its centre, and the change against them.
	 */
	record Trend(long previous, long change) {
	}

}
