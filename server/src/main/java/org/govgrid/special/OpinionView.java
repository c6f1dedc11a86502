package org.govgrid.special;

import java.time.Instant;
import java.util.List;

/**
 * An opinion item as the console shows it: {@code regionId}/{@code regionName} the most
 * specific region it is about inside the caller's area, {@code regions} every matched
 * region there with the name that matched ({@code term} null when the item named no known
 * place and was placed at the feeding account's area); {@code tone} NEGATIVE (sentiment ≤
 * −0.3), POSITIVE (≥ 0.3) or NEUTRAL.
 */
record OpinionView(long id, String source, String url, String title, String text, Instant publishedAt, double sentiment,
		String tone, List<String> keywords, Long regionId, String regionName, List<MatchedRegion> regions,
		Instant receivedAt) {

	record MatchedRegion(long id, String name, String path, String term) {
	}

}
