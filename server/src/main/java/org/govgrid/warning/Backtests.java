package org.govgrid.warning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.event.EventLookup;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.govgrid.warning.WarningRules.RuleCommand;
import org.govgrid.warning.model.Replay;
import org.govgrid.warning.model.SpikeStatistics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 规则回测: when a rule (saved or not) would have fired over the past days, replayed from the
 * events reported then (see {@link Replay}). Nothing is stored and nobody is told.
 * Overdue clusters are replayed from each event's time limit and closing time (a case
 * counts as overdue from its disposal limit, or its acceptance limit if it was never
 * dispatched, until it closed).
 */
@Service
class Backtests {

	static final int MAX_DAYS = 90;

	private final WarningRules rules;

	private final EventLookup events;

	private final RegionService regions;

	private final Evaluator evaluator;

	private final Clock clock;

	private final SignalSweep signals;

	private final HotspotSweep hotspots;

	Backtests(WarningRules rules, EventLookup events, RegionService regions, Evaluator evaluator, Clock clock,
			SignalSweep signals, HotspotSweep hotspots) {
		this.signals = signals;
		this.hotspots = hotspots;
		this.rules = rules;
		this.events = events;
		this.regions = regions;
		this.evaluator = evaluator;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	Result run(BacktestCommand command, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		if (command.days() == null || command.days() < 1 || command.days() > MAX_DAYS) {
			errors.add("days", "1 to " + MAX_DAYS + " / 回测天数为1至" + MAX_DAYS);
		}
		Rule rule = null;
		try {
			rule = this.rules.validate(command.rule(), caller);
		}
		catch (InvalidInputException ex) {
			ex.errors().forEach(e -> errors.add(e.field(), e.message()));
		}
		errors.throwIfAny();
		Instant to = this.clock.instant().plusMillis(1);
		Instant from = to.minus(Duration.ofDays(command.days()));
		if (rule.kind().signal()) {
			return signalHistory(rule, from, to);
		}
		if (rule.kind() == org.govgrid.warning.model.RuleKind.HOTSPOT) {
			List<Firing> items = this.hotspots.history(rule, from, to);
			return new Result(from, to, items.size(), items);
		}
		List<Replay.Firing> firings = switch (rule.kind()) {
			case COUNT, REPEAT_ADDRESS -> Replay.windowCrossings(
					occurrences(rule,
							this.events.reported(rule.regionPath(), from.minus(rule.window()), to, rule.filter())),
					rule.threshold(), rule.window(), from, to);
			case SPIKE -> Replay.spikes(
					occurrences(rule,
							this.events.reported(rule.regionPath(),
									from.minus(Duration.ofDays(SpikeStatistics.BASELINE_DAYS + 1)), to, rule.filter())),
					rule.spikeK(), rule.threshold(), from, to, Evaluator.LOCAL);
			case OVERDUE_CLUSTER -> Replay.overdueCrossings(spans(rule, from, to), rule.threshold(), from, to);
			default -> throw new IllegalStateException(rule.kind() + " is a signal kind");
		};
		Set<Long> regionIds = new HashSet<>();
		Set<Long> eventIds = new HashSet<>();
		firings.forEach(f -> {
			regionIds.add(f.regionId());
			eventIds.addAll(f.eventIds());
		});
		Map<Long, String> regionNames = this.regions.namesOf(regionIds);
		Map<Long, String> codes = this.events.findAll(eventIds)
			.stream()
			.collect(Collectors.toMap(EventLookup.Match::id, EventLookup.Match::code));
		List<Firing> items = new ArrayList<>();
		for (Replay.Firing f : firings) {
			items.add(new Firing(f.at(), f.regionId(), regionNames.get(f.regionId()), f.key(),
					this.evaluator.keyLabel(f.key()), f.eventIds().size(), f.eventIds(),
					f.eventIds().stream().map(codes::get).toList(), null, null, null));
		}
		return new Result(from, to, items.size(), items);
	}

	/** A signal rule: the times its source says the condition began to hold. */
	private Result signalHistory(Rule rule, Instant from, Instant to) {
		SignalSource source = this.signals.source(rule.kind()).orElseThrow();
		List<Signal> history = source.history(SignalSweep.query(rule, to), from, to)
			.stream()
			.sorted(java.util.Comparator.comparing(Signal::since))
			.toList();
		Map<Long, String> regionNames = this.regions.namesOf(history.stream().map(Signal::regionId).toList());
		List<Firing> items = history.stream()
			.map(s -> new Firing(s.since(), s.regionId(), regionNames.get(s.regionId()), s.key(), s.detail(), 0,
					List.of(), List.of(), s.detail(), s.value(), s.limit()))
			.toList();
		return new Result(from, to, items.size(), items);
	}

	private static List<Replay.Occurrence> occurrences(Rule rule, List<EventLookup.Match> matches) {
		List<Replay.Occurrence> occurrences = new ArrayList<>();
		for (EventLookup.Match event : matches) {
			String key = rule.keyOf(event);
			if (key != null) {
				occurrences.add(new Replay.Occurrence(event.id(), event.reportedAt(), rule.regionOf(event), key));
			}
		}
		return occurrences;
	}

	private List<Replay.Span> spans(Rule rule, Instant from, Instant to) {
		List<Replay.Span> spans = new ArrayList<>();
		for (EventLookup.Match event : this.events.overdueCandidates(rule.regionPath(), from, to, rule.filter())) {
			String key = rule.keyOf(event);
			if (key != null && event.overdueFrom() != null) {
				spans
					.add(new Replay.Span(event.id(), rule.regionOf(event), key, event.overdueFrom(), event.closedAt()));
			}
		}
		return spans;
	}

	/** A rule definition (as for create) and how many days back to replay (1–90). */
	record BacktestCommand(String name, String kind, Long regionId, String alertLevel, String watchLevel,
			Integer threshold, Integer windowHours, String categoryCode, String eventLevel, String eventSource,
			String groupBy, Double spikeK, Integer days, Integer radiusMeters) {

		RuleCommand rule() {
			return new RuleCommand(this.name == null ? "回测" : this.name, this.kind, this.regionId,
					this.alertLevel == null ? "BLUE" : this.alertLevel, this.watchLevel, this.threshold,
					this.windowHours, this.categoryCode, this.eventLevel, this.eventSource, this.groupBy, this.spikeK,
					true, this.radiusMeters);
		}

	}

	record Result(Instant from, Instant to, int total, List<Firing> firings) {
	}

	/**
	 * The rule would have fired at {@code at} in this region for these events; a signal
	 * rule's firing has no events but its {@code detail}, {@code value} and
	 * {@code limit}.
	 */
	record Firing(Instant at, long regionId, String regionName, String key, String keyLabel, int count,
			List<Long> eventIds, List<String> eventCodes, String detail, Double value, Double limit) {
	}

}
