package org.govgrid.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * event joins an open alert even below the threshold. Events already in the evidence of a
 * closed alert of the same rule, region and key do not count again. Each rule is applied
 * in a transaction of its own.
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

	private final TransactionTemplate transaction;

	Evaluator(WarningRules rules, EventLookup events, AlertStore store, WarningNotices notices, RegionService regions,
			EventCatalog catalog, PlatformTransactionManager transactions) {
		this.rules = rules;
		this.events = events;
		this.store = store;
		this.notices = notices;
		this.regions = regions;
		this.catalog = catalog;
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
						end) ? 1 : 0;
			}
			return count;
		});
		return opened == null ? 0 : opened;
	}

	/** SPIKE and OVERDUE_CLUSTER over every rule; returns how many alerts opened. */
	int sweep(Instant now) {
		int opened = 0;
		for (Rule rule : this.rules.enabled(List.of(RuleKind.SPIKE, RuleKind.OVERDUE_CLUSTER))) {
			try {
				Integer count = this.transaction
					.execute(status -> rule.kind() == RuleKind.SPIKE ? spikes(rule, now) : overdue(rule, now));
				opened += count == null ? 0 : count;
			}
			catch (RuntimeException ex) {
				log.error("Warning rule {} failed in the sweep; the others go on", rule.id(), ex);
			}
		}
		return opened;
	}

	private int spikes(Rule rule, Instant now) {
		LocalDate today = LocalDate.ofInstant(now, LOCAL);
		Instant dayStart = today.atStartOfDay(LOCAL).toInstant();
		Instant baselineStart = today.minusDays(SpikeStatistics.BASELINE_DAYS).atStartOfDay(LOCAL).toInstant();
		Map<Group, List<EventLookup.Match>> groups = groups(rule,
				this.events.reported(rule.regionPath(), baselineStart, now.plusMillis(1), rule.filter()));
		int opened = 0;
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
			opened += apply(rule, group.getKey().regionId(), group.getKey().regionPath(), group.getKey().key(), todays,
					threshold, todays, now) ? 1 : 0;
		}
		return opened;
	}

	private int overdue(Rule rule, Instant now) {
		int opened = 0;
		for (Map.Entry<Group, List<EventLookup.Match>> group : groups(rule,
				this.events.overdue(rule.regionPath(), rule.filter()))
			.entrySet()) {
			opened += apply(rule, group.getKey().regionId(), group.getKey().regionPath(), group.getKey().key(),
					group.getValue(), rule.threshold(), group.getValue(), now) ? 1 : 0;
		}
		return opened;
	}

	/**
	 * Opens or joins the alert when the candidates not yet in a closed alert reach the
	 * threshold, otherwise adds {@code joining} to an open alert if there is one. True
	 * when an alert was opened.
	 */
	private boolean apply(Rule rule, long regionId, String regionPath, String key, List<EventLookup.Match> candidates,
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
			return raised.created();
		}
		this.store.open(rule.id(), regionId, key)
			.ifPresent(alert -> this.store.addEvidence(alert,
					joining.stream().filter(e -> !closed.contains(e.id())).toList()));
		return false;
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

}
