package org.govgrid.warning.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Addresses as the repeat rule compares them: full-width folded to half-width (NFKC),
 * lower case, without spaces, punctuation and symbols, and without a trailing vague word
 * (附近, 旁边, 门口, 对面). "狮山路 88号（门口）" and "狮山路88号" are one address.
 */
public final class Addresses {

	private static final Pattern NOISE = Pattern.compile("[\\s\\p{P}\\p{S}]+");

	private static final Pattern VAGUE_TAIL = Pattern.compile("(附近|旁边|门口|对面|周边)+$");

	private Addresses() {
	}

	/** The normalised address, or null when nothing is left. */
	public static String normalise(String address) {
		if (address == null) {
			return null;
		}
		String folded = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		String bare = VAGUE_TAIL.matcher(NOISE.matcher(folded).replaceAll("")).replaceAll("");
		return bare.isEmpty() ? null : bare;
	}

}
