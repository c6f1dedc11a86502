package org.govgrid.special;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The arithmetic of OPINION_BURST, free of the database: a burst holds while at least
 * {@code threshold} negative items fall in the sliding window {@code (t − window, t]}; it
 * begins at the item that brings the count to the threshold and ends when items leave the
 * window and the count falls below it again.
 */
final class BurstEpisodes {

	private BurstEpisodes() {
	}

	/** The times bursts began, from the items' times sorted ascending. */
	static List<Instant> starts(List<Instant> times, int threshold, Duration window) {
		List<Instant> starts = new ArrayList<>();
		Deque<Instant> inWindow = new ArrayDeque<>();
		boolean bursting = false;
		for (Instant time : times) {
			drop(inWindow, time, window);
			// between items the count only falls, so the count just before this item is
			// the lowest since the last one: below the threshold means the burst ended
			if (inWindow.size() < threshold) {
				bursting = false;
			}
			inWindow.addLast(time);
			if (!bursting && inWindow.size() >= threshold) {
				bursting = true;
				starts.add(time);
			}
		}
		return starts;
	}

	/** When the burst holding at {@code now} began, or null if none holds. */
	static Instant holdingSince(List<Instant> times, int threshold, Duration window, Instant now) {
		List<Instant> upToNow = times.stream().filter(t -> !t.isAfter(now)).toList();
		Deque<Instant> inWindow = new ArrayDeque<>(upToNow);
		drop(inWindow, now, window);
		if (inWindow.size() < Math.max(threshold, 1)) {
			return null;
		}
		List<Instant> starts = starts(upToNow, threshold, window);
		return starts.isEmpty() ? null : starts.get(starts.size() - 1);
	}

	private static void drop(Deque<Instant> inWindow, Instant at, Duration window) {
		Instant edge = at.minus(window);
		while (!inWindow.isEmpty() && !inWindow.peekFirst().isAfter(edge)) {
			inWindow.removeFirst();
		}
	}

}
