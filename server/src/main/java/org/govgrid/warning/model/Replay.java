package org.govgrid.warning.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a rule would have fired over past events. Events are grouped by region and key; a
 * firing is the moment a group's count reaches the threshold, and while the count stays
 * at or above it later events join that firing instead of firing again (as they would
 * join the open alert). Only firings inside {@code [from, to)} are returned, oldest
 * first; earlier events only fill the windows.
 */
public final class Replay {

	private Replay() {
	}

	/** One matching event placed in its region with its key. */
	public record Occurrence(long eventId, Instant at, long regionId, String key) {
	}

	/** An event overdue from {@code from} until {@code until} (null: still open). */
	public record Span(long eventId, long regionId, String key, Instant from, Instant until) {
	}

	/**
	 * The rule would have fired at {@code at} for the events named (those joining later
	 * included).
	 */
	public record Firing(Instant at, long regionId, String key, List<Long> eventIds) {
	}

	private record Group(long regionId, String key) {
	}

	/**
	 * COUNT and REPEAT_ADDRESS: at least {@code threshold} events within {@code window}.
	 */
	public static List<Firing> windowCrossings(List<Occurrence> occurrences, int threshold, Duration window,
			Instant from, Instant to) {
		List<Firing> firings = new ArrayList<>();
		for (List<Occurrence> group : byGroup(occurrences).values()) {
			Deque<Occurrence> inWindow = new ArrayDeque<>();
			Firing current = null;
			for (Occurrence occurrence : group) {
				while (!inWindow.isEmpty() && !inWindow.peekFirst().at().isAfter(occurrence.at().minus(window))) {
					inWindow.removeFirst();
				}
				inWindow.addLast(occurrence);
				if (inWindow.size() < threshold) {
					current = null;
				}
				else if (current == null) {
					current = new Firing(occurrence.at(), occurrence.regionId(), occurrence.key(),
							new ArrayList<>(inWindow.stream().map(Occurrence::eventId).toList()));
					firings.add(current);
				}
				else {
					current.eventIds().add(occurrence.eventId());
				}
			}
		}
		return inRange(firings, from, to);
	}

	/**
	 * SPIKE: for each local day of {@code [from, to)}, a group whose day count reaches
	 * the threshold over its trailing {@value SpikeStatistics#BASELINE_DAYS} days fires
	 * at the event that reached it; the rest of the day's events join.
	 */
	public static List<Firing> spikes(List<Occurrence> occurrences, double k, int minimum, Instant from, Instant to,
			ZoneId zone) {
		List<Firing> firings = new ArrayList<>();
		LocalDate firstDay = LocalDate.ofInstant(from, zone);
		LocalDate lastDay = LocalDate.ofInstant(to, zone);
		for (List<Occurrence> group : byGroup(occurrences).values()) {
			Map<LocalDate, List<Occurrence>> days = new HashMap<>();
			group.forEach(o -> days.computeIfAbsent(LocalDate.ofInstant(o.at(), zone), d -> new ArrayList<>()).add(o));
			for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
				List<Occurrence> today = days.getOrDefault(day, List.of());
				if (today.isEmpty()) {
					continue;
				}
				long[] baseline = new long[SpikeStatistics.BASELINE_DAYS];
				for (int i = 0; i < baseline.length; i++) {
					baseline[i] = days.getOrDefault(day.minusDays(i + 1L), List.of()).size();
				}
				long threshold = SpikeStatistics.of(baseline).threshold(k, minimum);
				if (today.size() >= threshold) {
					Occurrence reached = today.get((int) threshold - 1);
					firings.add(new Firing(reached.at(), reached.regionId(), reached.key(),
							new ArrayList<>(today.stream().map(Occurrence::eventId).toList())));
				}
			}
		}
		return inRange(firings, from, to);
	}

	/** OVERDUE_CLUSTER: at least {@code threshold} events overdue at the same moment. */
	public static List<Firing> overdueCrossings(List<Span> spans, int threshold, Instant from, Instant to) {
		Map<Group, List<Span>> groups = new LinkedHashMap<>();
		spans.stream()
			.filter(s -> s.until() == null || s.until().isAfter(s.from()))
			.forEach(s -> groups.computeIfAbsent(new Group(s.regionId(), s.key()), g -> new ArrayList<>()).add(s));
		List<Firing> firings = new ArrayList<>();
		for (Map.Entry<Group, List<Span>> group : groups.entrySet()) {
			record Change(Instant at, boolean start, Span span) {
			}
			List<Change> changes = new ArrayList<>();
			for (Span span : group.getValue()) {
				changes.add(new Change(span.from(), true, span));
				if (span.until() != null) {
					changes.add(new Change(span.until(), false, span));
				}
			}
			// at one instant, ends before starts
			changes.sort(Comparator.comparing(Change::at).thenComparing(Change::start));
			Map<Long, Span> overdue = new LinkedHashMap<>();
			Firing current = null;
			for (Change change : changes) {
				if (!change.start()) {
					overdue.remove(change.span().eventId());
					if (overdue.size() < threshold) {
						current = null;
					}
					continue;
				}
				overdue.put(change.span().eventId(), change.span());
				if (overdue.size() >= threshold) {
					if (current == null) {
						current = new Firing(change.at(), group.getKey().regionId(), group.getKey().key(),
								new ArrayList<>(overdue.keySet()));
						firings.add(current);
					}
					else {
						current.eventIds().add(change.span().eventId());
					}
				}
			}
		}
		return inRange(firings, from, to);
	}

	private static Map<Group, List<Occurrence>> byGroup(List<Occurrence> occurrences) {
		Map<Group, List<Occurrence>> groups = new LinkedHashMap<>();
		occurrences.stream()
			.sorted(Comparator.comparing(Occurrence::at).thenComparingLong(Occurrence::eventId))
			.forEach(o -> groups.computeIfAbsent(new Group(o.regionId(), o.key()), g -> new ArrayList<>()).add(o));
		return groups;
	}

	private static List<Firing> inRange(List<Firing> firings, Instant from, Instant to) {
		return firings.stream()
			.filter(f -> !f.at().isBefore(from) && f.at().isBefore(to))
			.sorted(Comparator.comparing(Firing::at).thenComparingLong(Firing::regionId).thenComparing(Firing::key))
			.toList();
	}

}
