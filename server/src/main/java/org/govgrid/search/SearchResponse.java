package org.govgrid.search;

import java.util.List;
import java.util.Map;

/**
 * Grouped hits, one group per type the caller asked for and may read. {@code q} is echoed
 * masked when it was an ID number or a phone.
 */
record SearchResponse(String q, long tookMs, List<Group> groups) {

	record Group(String type, long total, List<Hit> hits) {
	}

	/**
	 * One hit; {@code highlights} maps a field ({@code name}, {@code address},
	 * {@code description} …) to its text with the matches in {@code <em>} (the rest
	 * HTML-escaped).
	 */
	record Hit(long id, String title, String subtitle, String gridName, Map<String, String> highlights) {
	}

}
