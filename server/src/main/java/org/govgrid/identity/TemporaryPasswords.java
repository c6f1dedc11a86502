package org.govgrid.identity;

import java.security.SecureRandom;

/**
 * Random temporary passwords that satisfy the policy (all four classes, 12 characters).
 */
final class TemporaryPasswords {

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "@#%&*+=?";

	private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TemporaryPasswords() {
	}

	static String generate() {
		char[] chars = new char[12];
		chars[0] = pick(UPPER);
		chars[1] = pick(LOWER);
		chars[2] = pick(DIGITS);
		chars[3] = pick(SYMBOLS);
		for (int i = 4; i < chars.length; i++) {
			chars[i] = pick(ALL);
		}
		for (int i = chars.length - 1; i > 0; i--) {
			int j = RANDOM.nextInt(i + 1);
			char swap = chars[i];
			chars[i] = chars[j];
			chars[j] = swap;
		}
		return new String(chars);
	}

	private static char pick(String from) {
		return from.charAt(RANDOM.nextInt(from.length()));
	}

}
