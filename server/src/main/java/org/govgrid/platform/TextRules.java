package org.govgrid.platform;

/**
 * The one rule for text from outside: well-formed Unicode (no unpaired UTF-16 surrogate,
 * which PostgreSQL would store altered or refuse) and no control characters other than
 * tab, line feed and carriage return (they break exports, logs and terminals).
 */
public final class TextRules {

	public static final String MESSAGE = "contains invalid Unicode or control characters / 含有无效的Unicode字符或控制字符";

	private TextRules() {
	}

	/** True when {@code text} may be stored as it is. */
	public static boolean acceptable(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return false;
			}
			if (Character.isLowSurrogate(c)) {
				return false;
			}
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return false;
			}
		}
		return true;
	}

}
