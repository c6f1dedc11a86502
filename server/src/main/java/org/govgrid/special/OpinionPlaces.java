package org.govgrid.special;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.govgrid.basedata.PlaceNames;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionListing;
import org.govgrid.region.RegionSummary;
import org.springframework.stereotype.Component;

/**
 * The place names of an area and the region each stands for: the names of its towns,
 * communities and grids, and the houses' and places' names and addresses from base data
 * (an address also by its estate or road, 金山花园 for 金山花园3幢1单元501室). A name used in several
 * grids stands for the smallest region holding them all (a road crossing two grids of one
 * community is the community); one that spans towns says too little and is left out, as
 * are city and district names. Rebuilt at most once a minute per area.
 */
@Component
class OpinionPlaces {

	private static final Duration FRESH = Duration.ofMinutes(1);

	private final RegionListing regions;

	private final PlaceNames places;

	private final Clock clock;

	private final Map<String, Built> cache = new ConcurrentHashMap<>();

	OpinionPlaces(RegionListing regions, PlaceNames places, Clock clock) {
		this.regions = regions;
		this.places = places;
		this.clock = clock;
	}

	private record Built(Instant at, PlaceMatcher<RegionSummary> matcher) {
	}

	/** The matcher over the names known at or under {@code path}. */
	PlaceMatcher<RegionSummary> matcher(String path) {
		Instant now = this.clock.instant();
		Built built = this.cache.get(path);
		if (built == null || built.at().plus(FRESH).isBefore(now) || built.at().isAfter(now)) {
			built = new Built(now, build(path));
			this.cache.put(path, built);
		}
		return built.matcher();
	}

	/** Forgets what was built (after base data changed in a test). */
	void forget() {
		this.cache.clear();
	}

	private PlaceMatcher<RegionSummary> build(String path) {
		Map<String, RegionSummary> byPath = new HashMap<>();
		Map<String, RegionSummary> dictionary = new LinkedHashMap<>();
		List<String> townNames = new ArrayList<>();
		for (RegionSummary region : this.regions.under(path)) {
			byPath.put(region.path(), region);
			if (region.level() == RegionLevel.TOWN) {
				townNames.add(region.name());
			}
		}
		// the regions' own names win over a house or place of the same name
		Map<String, List<String>> spotPaths = new HashMap<>();
		for (PlaceNames.NamedSpot spot : this.places.under(path)) {
			for (String name : namesOf(spot.name(), townNames)) {
				spotPaths.computeIfAbsent(name, k -> new ArrayList<>()).add(spot.gridPath());
			}
		}
		for (Map.Entry<String, List<String>> entry : spotPaths.entrySet()) {
			RegionSummary region = byPath.get(commonAncestor(entry.getValue()));
			if (region != null && region.level().ordinal() >= RegionLevel.TOWN.ordinal()) {
				dictionary.put(entry.getKey(), region);
			}
		}
		for (RegionSummary region : byPath.values()) {
			if (region.level().ordinal() >= RegionLevel.TOWN.ordinal() && region.name().length() >= 2) {
				dictionary.put(region.name(), region);
			}
		}
		return new PlaceMatcher<>(dictionary);
	}

	/**
	 * A house or place name as people write it: without the district and town in front,
	 * and for an address also its leading estate or road (up to the first digit).
	 */
	static List<String> namesOf(String raw, List<String> townNames) {
		List<String> names = new ArrayList<>();
		String name = raw == null ? "" : raw.strip().replace(" ", "");
		for (String town : townNames) {
			int at = name.indexOf(town);
			if (at >= 0) {
				name = name.substring(at + town.length());
				break;
			}
		}
		if (name.length() >= 2) {
			names.add(name);
		}
		int digit = 0;
		while (digit < name.length() && !Character.isDigit(name.charAt(digit))) {
			digit++;
		}
		if (digit >= 3 && digit < name.length()) {
			names.add(name.substring(0, digit));
		}
		return names;
	}

	/** The longest path every one of {@code paths} lies at or under. */
	static String commonAncestor(List<String> paths) {
		String common = paths.get(0);
		for (String path : paths) {
			while (!(path.equals(common) || path.startsWith(common + "/"))) {
				int cut = common.lastIndexOf('/');
				if (cut < 0) {
					return "";
				}
				common = common.substring(0, cut);
			}
		}
		return common;
	}

}
