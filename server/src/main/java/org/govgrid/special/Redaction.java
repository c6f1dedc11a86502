package org.govgrid.special;

import java.util.regex.Pattern;

/**
 * Masks what could identify a person in text copied onto an alert: an ID number (18
 * characters) or a mobile phone (11 digits) that a post happens to contain.
 */
final class Redaction {

	private static final Pattern ID_NUMBER = Pattern.compile("(?<!\\d)\\d{17}[\\dXx](?!\\d)");

	private static final Pattern PHONE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

	private Redaction() {
	}

	static String redact(String text) {
		if (text == null) {
			return "";
		}
		String masked = ID_NUMBER.matcher(text).replaceAll("[证件号已隐藏]");
		return PHONE.matcher(masked).replaceAll("[电话已隐藏]");
	}

}
