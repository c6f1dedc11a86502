package org.govgrid.special;

import java.util.Locale;

/** How negative an item is, from the feeding system's sentiment score (−1..1). */
enum OpinionTone {

	NEGATIVE, NEUTRAL, POSITIVE;

	/** At or below this an item counts as negative (also for OPINION_BURST). */
	static final double NEGATIVE_AT_MOST = -0.3;

	static final double POSITIVE_AT_LEAST = 0.3;

	static OpinionTone of(double sentiment) {
		if (sentiment <= NEGATIVE_AT_MOST) {
			return NEGATIVE;
		}
		return sentiment >= POSITIVE_AT_LEAST ? POSITIVE : NEUTRAL;
	}

	/** The tone named, or null if the text names none. */
	static OpinionTone parse(String text) {
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
