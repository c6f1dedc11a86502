package org.govgrid.performance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Competition ranking ("1224"): the most points first; equal points share a rank and the
 * next rank skips as many places as shared it. Ties are listed by {@code order} (a name),
 * which does not change their rank.
 */
final class Standings {

	private Standings() {
	}

	static <T> List<Place<T>> rank(List<T> items, Function<T, BigDecimal> points, Comparator<T> order) {
		List<T> sorted = new ArrayList<>(items);
		sorted.sort(Comparator.comparing(points, Comparator.reverseOrder()).thenComparing(order));
		List<Place<T>> places = new ArrayList<>(sorted.size());
		BigDecimal last = null;
		int rank = 0;
		for (int i = 0; i < sorted.size(); i++) {
			BigDecimal value = points.apply(sorted.get(i));
			if (last == null || value.compareTo(last) != 0) {
				rank = i + 1;
				last = value;
			}
			places.add(new Place<>(rank, sorted.get(i)));
		}
		return places;
	}

	/** Rank by key, for the previous period. */
	static <T, K> Map<K, Integer> ranks(List<Place<T>> places, Function<T, K> key) {
		Map<K, Integer> ranks = new HashMap<>();
		places.forEach(p -> ranks.put(key.apply(p.item()), p.rank()));
		return ranks;
	}

	/**
	 * Places moved up since the previous period (positive: better); null when not ranked
	 * then.
	 */
	static Integer change(Integer previousRank, int rank) {
		return previousRank == null ? null : previousRank - rank;
	}

	record Place<T>(int rank, T item) {
	}

}
