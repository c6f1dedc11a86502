package org.govgrid.ops.security;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Orders versions the way Maven and semver users expect: numbers numerically, missing
 * parts as zero, a pre-release ({@code alpha}, {@code beta}, {@code M1}, {@code RC2},
 * {@code SNAPSHOT}) before its release, {@code Final}/{@code GA}/{@code RELEASE} as the
 * release itself, {@code SP} after it; build metadata after {@code +} ignored.
 */
final class Versions {

	private static final Map<String, Integer> QUALIFIERS = Map.ofEntries(Map.entry("alpha", 1), Map.entry("a", 1),
			Map.entry("beta", 2), Map.entry("b", 2), Map.entry("milestone", 3), Map.entry("m", 3), Map.entry("rc", 4),
			Map.entry("cr", 4), Map.entry("pre", 4), Map.entry("snapshot", 5), Map.entry("", 6), Map.entry("final", 6),
			Map.entry("ga", 6), Map.entry("release", 6), Map.entry("sp", 7));

	/** The rank of the release itself, between pre-releases and service packs. */
	private static final int RELEASE = 6;

	private Versions() {
	}

	static int compare(String left, String right) {
		List<Object> a = parts(left);
		List<Object> b = parts(right);
		int length = Math.max(a.size(), b.size());
		for (int i = 0; i < length; i++) {
			Object x = (i < a.size()) ? a.get(i) : null;
			Object y = (i < b.size()) ? b.get(i) : null;
			int order = comparePart(x, y);
			if (order != 0) {
				return order;
			}
		}
		return 0;
	}

	/** A missing part is 0 against a number and the release against a qualifier. */
	private static int comparePart(Object x, Object y) {
		if (x instanceof BigInteger m && y instanceof BigInteger n) {
			return m.compareTo(n);
		}
		if (x == null && y == null) {
			return 0;
		}
		if (x == null) {
			return (y instanceof BigInteger n) ? BigInteger.ZERO.compareTo(n) : Integer.compare(RELEASE, rank(y));
		}
		if (y == null) {
			return -comparePart(y, x);
		}
		if (x instanceof BigInteger) {
			// 1.0.1 after 1.0-rc1 and after 1.0-sp: a number outranks any qualifier
			return 1;
		}
		if (y instanceof BigInteger) {
			return -1;
		}
		int order = Integer.compare(rank(x), rank(y));
		return (order != 0) ? order : ((String) x).compareTo((String) y);
	}

	private static int rank(Object qualifier) {
		// an unknown qualifier sorts after the release, like Maven's
		return QUALIFIERS.getOrDefault((String) qualifier, RELEASE + 2);
	}

	/** Numbers and lower-cased words, split at separators and digit/letter changes. */
	static List<Object> parts(String version) {
		String text = version.strip().toLowerCase(Locale.ROOT);
		if (text.startsWith("v")) {
			text = text.substring(1);
		}
		int plus = text.indexOf('+');
		if (plus >= 0) {
			text = text.substring(0, plus);
		}
		List<Object> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		Boolean digits = null;
		for (char c : text.toCharArray()) {
			boolean separator = c == '.' || c == '-' || c == '_';
			boolean digit = Character.isDigit(c);
			if (separator || (digits != null && digit != digits)) {
				add(parts, current);
				digits = null;
				if (separator) {
					continue;
				}
			}
			current.append(c);
			digits = digit;
		}
		add(parts, current);
		// trailing zeros and release words say nothing: 1.0.0 = 1 = 1.0.Final
		while (!parts.isEmpty() && (BigInteger.ZERO.equals(parts.get(parts.size() - 1))
				|| Integer.valueOf(RELEASE).equals(QUALIFIERS.get(String.valueOf(parts.get(parts.size() - 1)))))) {
			parts.remove(parts.size() - 1);
		}
		return parts;
	}

	private static void add(List<Object> parts, StringBuilder current) {
		if (current.isEmpty()) {
			return;
		}
		String part = current.toString();
		parts.add(Character.isDigit(part.charAt(0)) ? new BigInteger(part) : part);
		current.setLength(0);
	}

}
