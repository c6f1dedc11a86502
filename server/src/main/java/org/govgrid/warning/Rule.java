package org.govgrid.warning;

import java.time.Duration;

import org.govgrid.event.EventLookup;
import org.govgrid.warning.model.Addresses;
import org.govgrid.warning.model.AlertLevel;
import org.govgrid.warning.model.GroupBy;
import org.govgrid.warning.model.RuleKind;
import org.govgrid.warning.model.WatchLevel;

/**
 * A warning rule: what it looks for ({@code kind} and its parameters), which events count
 * (category 大类 or 小类, level, source), in which regions ({@code watchLevel} inside the
 * rule's own region) and how severe its alerts are. {@code id} is null for a rule being
 * backtested before it is saved. {@code radiusMeters}: a HOTSPOT rule's radius (else
 * null).
 */
record Rule(Long id, String name, RuleKind kind, long regionId, String regionPath, AlertLevel alertLevel,
		WatchLevel watchLevel, int threshold, Integer windowHours, String categoryCode, String eventLevel,
		String eventSource, GroupBy groupBy, Double spikeK, boolean enabled, Integer radiusMeters) {

	EventLookup.Filter filter() {
		return new EventLookup.Filter(this.categoryCode, this.eventLevel, this.eventSource);
	}

	Duration window() {
		return Duration.ofHours(this.windowHours == null ? 24 : this.windowHours);
	}

	/** Whether the event lies in the rule's area and passes its filter. */
	boolean watches(EventLookup.Match event) {
		return (event.regionPath().equals(this.regionPath) || event.regionPath().startsWith(this.regionPath + "/"))
				&& filter().matches(event);
	}

	/** The region of the watched level the event falls in. */
	long regionOf(EventLookup.Match event) {
		return switch (this.watchLevel) {
			case GRID -> event.gridId();
			case COMMUNITY -> event.communityId();
			case TOWN -> event.townId();
		};
	}

	/** That region's path (a prefix of the event's). */
	String regionPathOf(EventLookup.Match event) {
		String[] codes = event.regionPath().split("/");
		return String.join("/",
				java.util.Arrays.asList(codes).subList(0, Math.min(codes.length, this.watchLevel.depth())));
	}

	/**
	 * What tells events apart in a region: the normalised address for a repeat rule, else
	 * the category (小类 or 大类) or {@value GroupBy#ALL}; null when the event has no usable
	 * address.
	 */
	String keyOf(EventLookup.Match event) {
		if (this.kind == RuleKind.REPEAT_ADDRESS) {
			return Addresses.normalise(event.address());
		}
		return switch (this.groupBy) {
			case CATEGORY -> event.categoryCode();
			case TOP_CATEGORY -> event.topCategoryCode();
			case NONE -> GroupBy.ALL;
		};
	}

	/** The rule as the API shows it. */
	record View(long id, String name, String kind, long regionId, String regionName, String alertLevel,
			String watchLevel, int threshold, Integer windowHours, String categoryCode, String categoryName,
			String eventLevel, String eventSource, String groupBy, Double spikeK, boolean enabled, boolean editable,
			Integer radiusMeters) {
	}

}
