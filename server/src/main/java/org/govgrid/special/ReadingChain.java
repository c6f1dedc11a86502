package org.govgrid.special;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One meter's new readings placed among its stored ones (plain Java): which are re-sent
 * (same instant: a duplicate, not an error), which contradict the meter's cumulative
 * count (below the reading before them, above the one after), the interval usage of the
 * rest, and the stored readings whose usage changes because a late reading now comes
 * before them.
 */
final class ReadingChain {

	static final String BELOW_PREVIOUS = "cumulative value below the previous reading / 累计读数小于上一次读数";

	static final String ABOVE_FOLLOWING = "cumulative value above the following reading / 累计读数大于其后一次读数";

	/**
	 * A stored reading near the batch: the last cumulative before, all within, the first
	 * cumulative after.
	 */
	record Stored(Instant time, double value, boolean cumulative, Double usage) {
	}

	record Incoming(int index, Instant time, double value, boolean cumulative) {
	}

	record Accepted(int index, Instant time, double value, boolean cumulative, Double usage) {
	}

	/** A stored reading's usage as it is now. */
	record Correction(Instant time, Double usage) {
	}

	record Outcome(List<Accepted> accepted, List<Integer> duplicates, Map<Integer, String> rejected,
			List<Correction> corrections) {
	}

	private ReadingChain() {
	}

	static Outcome apply(List<Stored> stored, List<Incoming> incoming) {
		List<Integer> duplicates = new ArrayList<>();
		Map<Integer, String> rejected = new LinkedHashMap<>();
		Set<Instant> taken = new HashSet<>();
		stored.forEach(s -> taken.add(s.time()));
		List<Incoming> fresh = new ArrayList<>();
		incoming.stream().sorted(Comparator.comparing(Incoming::time).thenComparingInt(Incoming::index)).forEach(r -> {
			if (taken.add(r.time())) {
				fresh.add(r);
			}
			else {
				duplicates.add(r.index());
			}
		});
		List<Stored> storedCumulative = stored.stream()
			.filter(Stored::cumulative)
			.sorted(Comparator.comparing(Stored::time))
			.toList();
		// against the stored count first: a stored reading is never overruled by a new
		// one
		for (Incoming r : fresh) {
			if (!r.cumulative()) {
				continue;
			}
			Stored before = null;
			Stored after = null;
			for (Stored s : storedCumulative) {
				if (s.time().isBefore(r.time())) {
					before = s;
				}
				else if (after == null) {
					after = s;
				}
			}
			if (before != null && r.value() < before.value()) {
				rejected.put(r.index(), BELOW_PREVIOUS);
			}
			else if (after != null && r.value() > after.value()) {
				rejected.put(r.index(), ABOVE_FOLLOWING);
			}
		}
		List<Object> timeline = new ArrayList<>(storedCumulative);
		fresh.stream().filter(r -> !rejected.containsKey(r.index())).forEach(timeline::add);
		timeline.sort(Comparator.comparing(ReadingChain::timeOf));
		List<Accepted> accepted = new ArrayList<>();
		List<Correction> corrections = new ArrayList<>();
		Double previous = null;
		boolean previousIsNew = false;
		for (Object point : timeline) {
			if (point instanceof Incoming r && r.cumulative()) {
				if (previous != null && r.value() < previous) {
					rejected.put(r.index(), BELOW_PREVIOUS);
					continue;
				}
				accepted.add(new Accepted(r.index(), r.time(), r.value(), true,
						previous == null ? null : UsageSeries.round(r.value() - previous)));
				previous = r.value();
				previousIsNew = true;
			}
			else if (point instanceof Incoming r) {
				accepted.add(new Accepted(r.index(), r.time(), r.value(), false, r.value()));
			}
			else if (point instanceof Stored s) {
				if (previousIsNew) {
					double usage = UsageSeries.round(s.value() - previous);
					if (s.usage() == null || s.usage() != usage) {
						corrections.add(new Correction(s.time(), usage));
					}
				}
				previous = s.value();
				previousIsNew = false;
			}
		}
		return new Outcome(accepted, duplicates, rejected, corrections);
	}

	private static Instant timeOf(Object point) {
		return point instanceof Stored s ? s.time() : ((Incoming) point).time();
	}

}
