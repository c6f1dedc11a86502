package org.govgrid.warning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventLookup;
import org.govgrid.region.RegionService;
import org.govgrid.warning.model.HotspotWatch;
import org.govgrid.warning.model.SpatialClusters;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Applies HOTSPOT rules in the sweep (see {@link HotspotWatch}): each cluster of at least
 * the threshold within the rule's radius and window opens one alert, placed at its centre
 * with its events as evidence, or refreshes the open one (new events join, the centre
 * follows); events in the evidence of an alert a person closed for the same place do not
 * count again; the open alerts whose cluster dissolved are cleared by the system. Input
 * is bounded: the newest {@code max-events} of the window.
 */
@Component
class HotspotSweep {

	private final EventLookup events;

	private final AlertStore store;

	private final WarningNotices notices;

	private final RegionService regions;

	private final AuditTrail audit;

	private final int minPoints;

	private final int maxEvents;

	HotspotSweep(EventLookup events, AlertStore store, WarningNotices notices, RegionService regions, AuditTrail audit,
			@Value("${govgrid.warning.hotspot.min-points:5}") int minPoints,
			@Value("${govgrid.warning.hotspot.max-events:20000}") int maxEvents) {
		this.events = events;
		this.store = store;
		this.notices = notices;
		this.regions = regions;
		this.audit = audit;
		this.minPoints = minPoints;
		this.maxEvents = maxEvents;
	}

	Evaluator.Swept sweep(Rule rule, Instant now) {
		Map<String, AlertStore.OpenPlace> open = new HashMap<>();
		this.store.openPlacesOf(rule.id()).forEach(place -> open.put(place.key(), place));
		Map<String, double[]> centres = new HashMap<>();
		open.values()
			.stream()
			.filter(p -> p.lon() != null && p.lat() != null)
			.forEach(p -> centres.put(p.key(), new double[] { p.lon(), p.lat() }));
		Map<Long, EventLookup.Match> byId = new HashMap<>();
		List<SpatialClusters.Spot> spots = spots(rule, this.events.placed(rule.regionPath(), now.minus(rule.window()),
				now.plusMillis(1), rule.filter(), this.maxEvents), byId);
		int opened = 0;
		Set<String> holding = new HashSet<>();
		for (HotspotWatch.Holding found : watch(rule).holding(spots, centres)) {
			List<EventLookup.Match> members = found.cluster().members().stream().map(s -> byId.get(s.id())).toList();
			AlertStore.OpenPlace known = open.get(found.key());
			EventLookup.Match anchor = mostCommonRegion(rule, members);
			long regionId = known != null ? known.regionId() : rule.regionOf(anchor);
			String regionPath = known != null ? known.regionPath() : rule.regionPathOf(anchor);
			Set<Long> closed = this.store.closedEvidence(rule.id(), regionId, found.key(),
					members.stream().map(EventLookup.Match::id).toList());
			List<EventLookup.Match> counted = members.stream().filter(e -> !closed.contains(e.id())).toList();
			if (counted.size() < rule.threshold()) {
				continue;
			}
			holding.add(regionId + "|" + found.key());
			Signal signal = new Signal(regionId, regionPath, found.key(), detail(rule, found, counted.size()),
					counted.size(), rule.threshold(),
					counted.stream().map(EventLookup.Match::reportedAt).min(Instant::compareTo).orElse(now),
					found.cluster().lon(), found.cluster().lat());
			AlertStore.Raised raised = this.store.raise(rule, signal, now);
			this.store.addEvidence(raised.alertId(), counted);
			this.store.placeAt(raised.alertId(), found.cluster().lon(), found.cluster().lat());
			if (raised.created()) {
				this.notices.raised(raised.alertId(), rule, signal);
				opened++;
			}
		}
		int cleared = 0;
		for (AlertStore.OpenPlace alert : open.values()) {
			if (!holding.contains(alert.regionId() + "|" + alert.key()) && this.store.clear(alert.open(), now)) {
				this.audit.record(AuditRecord
					.success("WARNING_ALERT_CLEAR", "warning_alert", alert.id(), "rule " + rule.id() + " no longer met")
					.by(null, "system"));
				cleared++;
			}
		}
		return new Evaluator.Swept(opened, cleared);
	}

	/** The backtest: when the rule would have raised an alert in {@code [from, to)}. */
	List<Backtests.Firing> history(Rule rule, Instant from, Instant to) {
		Map<Long, EventLookup.Match> byId = new HashMap<>();
		List<SpatialClusters.Spot> spots = spots(rule,
				this.events.placed(rule.regionPath(), from.minus(rule.window()), to, rule.filter(), this.maxEvents),
				byId);
		List<Backtests.Firing> firings = new ArrayList<>();
		List<HotspotWatch.Firing> replayed = watch(rule).replay(spots, rule.window(), from, to);
		Map<Long, String> names = this.regions.namesOf(replayed.stream()
			.map(f -> rule
				.regionOf(mostCommonRegion(rule, f.cluster().members().stream().map(s -> byId.get(s.id())).toList())))
			.collect(Collectors.toSet()));
		for (HotspotWatch.Firing f : replayed) {
			List<EventLookup.Match> members = f.cluster().members().stream().map(s -> byId.get(s.id())).toList();
			long regionId = rule.regionOf(mostCommonRegion(rule, members));
			String detail = detail(rule, new HotspotWatch.Holding(f.key(), f.cluster()), members.size());
			firings.add(new Backtests.Firing(f.at(), regionId, names.get(regionId), f.key(), detail, members.size(),
					members.stream().map(EventLookup.Match::id).toList(),
					members.stream().map(EventLookup.Match::code).toList(), detail, (double) members.size(),
					(double) rule.threshold()));
		}
		return firings;
	}

	private HotspotWatch watch(Rule rule) {
		return new HotspotWatch(rule.threshold(), radius(rule), this.minPoints);
	}

	private static double radius(Rule rule) {
		return rule.radiusMeters() == null ? WarningRules.DEFAULT_RADIUS_METERS : rule.radiusMeters();
	}

	private static List<SpatialClusters.Spot> spots(Rule rule, List<EventLookup.Placed> placed,
			Map<Long, EventLookup.Match> byId) {
		List<SpatialClusters.Spot> spots = new ArrayList<>();
		for (EventLookup.Placed p : placed) {
			String key = rule.keyOf(p.event());
			if (key != null) {
				byId.put(p.event().id(), p.event());
				spots.add(new SpatialClusters.Spot(p.event().id(), p.lon(), p.lat(), p.event().reportedAt(), key));
			}
		}
		return spots;
	}

	/**
	 * A member in the region (of the rule's watched level) most of the cluster lies in.
	 */
	private static EventLookup.Match mostCommonRegion(Rule rule, List<EventLookup.Match> members) {
		Map<Long, Long> counts = members.stream().collect(Collectors.groupingBy(rule::regionOf, Collectors.counting()));
		long region = counts.entrySet()
			.stream()
			.max(Map.Entry.<Long, Long>comparingByValue()
				.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
			.orElseThrow()
			.getKey();
		return members.stream().filter(m -> rule.regionOf(m) == region).findFirst().orElseThrow();
	}

	private static String detail(Rule rule, HotspotWatch.Holding found, int count) {
		Function<Integer, String> window = hours -> hours % 24 == 0 ? (hours / 24) + "天" : hours + "小时";
		return "半径约" + Math.max(1, Math.round(found.cluster().radiusMeters())) + "米内"
				+ window.apply(rule.windowHours() == null ? 24 : rule.windowHours()) + "聚集" + count + "起事件（阈值"
				+ rule.threshold() + "起）";
	}

}
