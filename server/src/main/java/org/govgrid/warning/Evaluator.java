package org.govgrid.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventCatalog;
import org.govgrid.event.EventLookup;
import org.govgrid.region.RegionService;
import org.govgrid.warning.model.RuleKind;
import org.govgrid.warning.model.SpikeStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the rules. After a report commits, the COUNT and REPEAT_ADDRESS rules watching
 * its place count the committed events of its region and key in the window ending now;
 * the sweep applies SPIKE and OVERDUE_CLUSTER rules to every region at once. Either way a
 * group at or above its threshold opens its alert or joins the open one, and a matching
 * event joins an open alert even below the threshold. Events already in the evidence of
 * an alert a person closed (converted, dismissed) for the same rule, region and key do
 * not count again. The sweep also clears every open alert, of any kind, whose group is
 * below its threshold now. Each rule is applied in a transaction of its own.
 */
@Component
class Evaluator {

	static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	private static final Logger log = LoggerFactory.getLogger(Evaluator.class);

	private final WarningRules rules;

	private final EventLookup events;

	private final AlertStore store;

	private final WarningNotices notices;

	private final RegionService regions;

	private final EventCatalog catalog;

	private final AuditTrail audit;

	private final TransactionTemplate transaction;

	private final SignalSweep signals;

	private final HotspotSweep hotspots;

	Evaluator(WarningRules rules, EventLookup events, AlertStore store, WarningNotices notices, RegionService regions,
			EventCatalog catalog, AuditTrail audit, PlatformTransactionManager transactions, SignalSweep signals,
			HotspotSweep hotspots) {
		this.signals = signals;
		this.hotspots = hotspots;
		this.rules = rules;
		this.events = events;
		this.store = store;
		this.notices = notices;
		this.regions = regions;
		this.catalog = catalog;
		this.audit = audit;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Returns how many alerts the new event opened. Everything runs in one new
	 * transaction (this is called after the report's transaction completed).
	 */
	int onReport(long eventId, Instant now) {
		Integer opened = this.transaction.execute(status -> {
			Optional<EventLookup.Match> found = this.events.find(eventId);
			if (found.isEmpty() || "WARNING".equals(found.get().source())) {
				return 0;
			}
			EventLookup.Match event = found.get();
			Instant end = now.isBefore(event.reportedAt()) ? event.reportedAt() : now;
			int count = 0;
			for (Rule rule : this.rules.enabledCovering(event.regionPath(),
					List.of(RuleKind.COUNT, RuleKind.REPEAT_ADDRESS))) {
				String key = rule.keyOf(event);
				if (!rule.filter().matches(event) || key == null) {
					continue;
				}
				String regionPath = rule.regionPathOf(event);
				List<EventLookup.Match> window = this.events
					.reported(regionPath, end.minus(rule.window()), end.plusMillis(1), rule.filter())
					.stream()
					.filter(e -> key.equals(rule.keyOf(e)))
					.toList();
				count += apply(rule, rule.regionOf(event), regionPath, key, window, rule.threshold(), List.of(event),
						end)
					.opened() ? 1 : 0;
			}
			return count;
		});
		return opened == null ? 0 : opened;
	}

	/**
	 * Every enabled rule, each in a transaction of its own: SPIKE and OVERDUE_CLUSTER
	 * rules open or join alerts over every region at once (COUNT and REPEAT_ADDRESS do
	 * that on each report), and the open alerts of every kind whose condition no longer
	 * holds now (window passed, events closed, the day over) are cleared by the system.
	 */
	Swept sweep(Instant now) {
		int opened = 0;
		int cleared = 0;
		for (Rule rule : this.rules.enabled(List.of(RuleKind.values()))) {
			try {
				Swept swept = this.transaction.execute(status -> sweep(rule, now));
				if (swept != null) {
					opened += swept.opened();
					cleared += swept.cleared();
				}
			}
			catch (RuntimeException ex) {
				log.error("Warning rule {} failed in the sweep; the others go on", rule.id(), ex);
			}
		}
		return new Swept(opened, cleared);
	}

	private Swept sweep(Rule rule, Instant now) {
		if (rule.kind().signal()) {
			return this.signals.sweep(rule, now);
		}
		if (rule.kind() == RuleKind.HOTSPOT) {
			return this.hotspots.sweep(rule, now);
		}
		// read before the events: an alert raised after this read is never judged on
		// counts
		// taken before its events committed
		List<AlertStore.OpenAlert> open = this.store.openOf(rule.id());
		Map<Group, Standing> standings = switch (rule.kind()) {
			case COUNT, REPEAT_ADDRESS -> windows(rule, now);
			case SPIKE -> spikes(rule, now);
			case OVERDUE_CLUSTER -> overdue(rule);
			default -> throw new IllegalStateException(rule.kind() + " is a signal kind");
		};
		int opened = 0;
		Set<Place> holding = new HashSet<>();
		for (Map.Entry<Group, Standing> entry : standings.entrySet()) {
			Group group = entry.getKey();
			Standing standing = entry.getValue();
			Applied applied = rule.kind().onReport()
					? new Applied(holds(rule, group.regionId(), group.key(), standing), false)
					: apply(rule, group.regionId(), group.regionPath(), group.key(), standing.candidates(),
							standing.threshold(), standing.joining(), now);
			if (applied.holds()) {
				holding.add(new Place(group.regionId(), group.key()));
			}
			opened += applied.opened() ? 1 : 0;
		}
		int cleared = 0;
		for (AlertStore.OpenAlert alert : open) {
			if (!holding.contains(new Place(alert.regionId(), alert.key())) && this.store.clear(alert, now)) {
				this.audit.record(AuditRecord
					.success("WARNING_ALERT_CLEAR", "warning_alert", alert.id(), "rule " + rule.id() + " no longer met")
					.by(null, "system"));
				cleared++;
			}
		}
		return new Swept(opened, cleared);
	}

	/**
	 * COUNT and REPEAT_ADDRESS: the events of each region and key in the window ending
	 * now.
	 */
	private Map<Group, Standing> windows(Rule rule, Instant now) {
		Map<Group, Standing> standings = new LinkedHashMap<>();
		groups(rule,
				this.events.reported(rule.regionPath(), now.minus(rule.window()), now.plusMillis(1), rule.filter()))
			.forEach((group, events) -> standings.put(group, new Standing(events, rule.threshold(), List.of())));
		return standings;
	}

	/** SPIKE: today's events of each region and key against their trailing baseline. */
	private Map<Group, Standing> spikes(Rule rule, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, LOCAL);
		Instant dayStart = today.atStartOfDay(LOCAL).toInstant();
		Instant baselineStart = today.minusDays(SpikeStatistics.BASELINE_DAYS).atStartOfDay(LOCAL).toInstant();
		Map<Group, List<EventLookup.Match>> groups = groups(rule,
				this.events.reported(rule.regionPath(), baselineStart, now.plusMillis(1), rule.filter()));
		Map<Group, Standing> standings = new LinkedHashMap<>();
		for (Map.Entry<Group, List<EventLookup.Match>> group : groups.entrySet()) {
			List<EventLookup.Match> todays = group.getValue()
				.stream()
				.filter(e -> !e.reportedAt().isBefore(dayStart))
				.toList();
			if (todays.isEmpty()) {
				continue;
			}
			Map<LocalDate, Long> perDay = new HashMap<>();
			group.getValue().forEach(e -> perDay.merge(LocalDate.ofInstant(e.reportedAt(), LOCAL), 1L, Long::sum));
			long[] baseline = new long[SpikeStatistics.BASELINE_DAYS];
			for (int i = 0; i < baseline.length; i++) {
				baseline[i] = perDay.getOrDefault(today.minusDays(i + 1L), 0L);
			}
			long threshold = SpikeStatistics.of(baseline).threshold(rule.spikeK(), rule.threshold());
			standings.put(group.getKey(), new Standing(todays, threshold, todays));
		}
		return standings;
	}

	/** OVERDUE_CLUSTER: the open overdue events of each region and key. */
	private Map<Group, Standing> overdue(Rule rule) {
		Map<Group, Standing> standings = new LinkedHashMap<>();
		groups(rule, this.events.overdue(rule.regionPath(), rule.filter()))
			.forEach((group, events) -> standings.put(group, new Standing(events, rule.threshold(), events)));
		return standings;
	}

	/** Whether the candidates not yet in an alert a person closed reach the threshold. */
	private boolean holds(Rule rule, long regionId, String key, Standing standing) {
		return counted(rule, regionId, key, standing.candidates()).size() >= standing.threshold();
	}

	private List<EventLookup.Match> counted(Rule rule, long regionId, String key, List<EventLookup.Match> candidates) {
		Set<Long> closed = this.store.closedEvidence(rule.id(), regionId, key,
				candidates.stream().map(EventLookup.Match::id).toList());
		return candidates.stream().filter(e -> !closed.contains(e.id())).toList();
	}

	/**
	 * Opens or joins the alert when the candidates not yet in a closed alert reach the
	 * threshold, otherwise adds {@code joining} to an open alert if there is one.
	 */
	private Applied apply(Rule rule, long regionId, String regionPath, String key, List<EventLookup.Match> candidates,
			long threshold, List<EventLookup.Match> joining, Instant now) {
		Set<Long> closed = this.store.closedEvidence(rule.id(), regionId, key,
				candidates.stream().map(EventLookup.Match::id).toList());
		List<EventLookup.Match> counted = candidates.stream().filter(e -> !closed.contains(e.id())).toList();
		if (counted.size() >= threshold) {
			AlertStore.Raised raised = this.store.raise(rule, regionId, regionPath, key, counted, now);
			if (raised.created()) {
				String regionName = this.regions.namesOf(List.of(regionId)).get(regionId);
				this.notices.raised(raised.alertId(), rule, regionPath, regionName, keyLabel(key), counted.size());
			}
			return new Applied(true, raised.created());
		}
		this.store.open(rule.id(), regionId, key)
			.ifPresent(alert -> this.store.addEvidence(alert,
					joining.stream().filter(e -> !closed.contains(e.id())).toList()));
		return new Applied(false, false);
	}

	/** A category's name, or the key itself (an address, or * for all). */
	String keyLabel(String key) {
		return keyLabel(key, this.catalog.categories());
	}

	static String keyLabel(String key, Map<String, EventCatalog.CategoryName> categories) {
		if (key == null || key.isEmpty()) {
			return "";
		}
		EventCatalog.CategoryName category = categories.get(key);
		return category != null ? category.name() : "*".equals(key) ? "全部" : key;
	}

	private static Map<Group, List<EventLookup.Match>> groups(Rule rule, List<EventLookup.Match> events) {
		Map<Group, List<EventLookup.Match>> groups = new LinkedHashMap<>();
		for (EventLookup.Match event : events) {
			String key = rule.keyOf(event);
			if (key != null) {
				groups
					.computeIfAbsent(new Group(rule.regionOf(event), rule.regionPathOf(event), key),
							g -> new ArrayList<>())
					.add(event);
			}
		}
		return groups;
	}

	private record Group(long regionId, String regionPath, String key) {
	}

	/** A region and key as an alert names them. */
	private record Place(long regionId, String key) {
	}

	/**
	 * What a group's condition is judged on: the candidates, the count they must reach,
	 * and the events that join an open alert below it.
	 */
	private record Standing(List<EventLookup.Match> candidates, long threshold, List<EventLookup.Match> joining) {
	}

	private record Applied(boolean holds, boolean opened) {
	}

	/** What a sweep did: alerts opened and alerts cleared. */
	record Swept(int opened, int cleared) {
	}

}
