package org.govgrid.special;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.region.RegionSummary;

/** From the names found in an item to the regions it is placed at. */
final class OpinionMatching {

	private OpinionMatching() {
	}

	/**
	 * The regions named, without those that contain another named region (狮山街道 when
	 * 狮山社区第1网格 is named too), the most specific first (then by first mention); each with
	 * the first name that matched it.
	 */
	static Map<Long, Opinions.Match> mostSpecific(List<PlaceMatcher.Found<RegionSummary>> found) {
		Map<Long, Opinions.Match> named = new LinkedHashMap<>();
		for (PlaceMatcher.Found<RegionSummary> f : found) {
			named.putIfAbsent(f.value().id(), new Opinions.Match(f.value().id(), f.value().path(), f.name()));
		}
		List<Opinions.Match> kept = new ArrayList<>();
		for (Opinions.Match candidate : named.values()) {
			boolean containsAnother = named.values()
				.stream()
				.anyMatch(other -> other != candidate && other.path().startsWith(candidate.path() + "/"));
			if (!containsAnother) {
				kept.add(candidate);
			}
		}
		// a stable sort: equally deep regions keep the order they were first named in
		kept.sort(Comparator.comparingInt((Opinions.Match m) -> depth(m.path())).reversed());
		Map<Long, Opinions.Match> result = new LinkedHashMap<>();
		kept.forEach(m -> result.put(m.regionId(), m));
		return result;
	}

	private static int depth(String path) {
		return (int) path.chars().filter(c -> c == '/').count();
	}

}
