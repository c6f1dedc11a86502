package org.govgrid.platform;

/**
 * Masks personal identifiers for responses (DESIGN §5): {@code 138****5678}.
 */
public final class Masking {

	private Masking() {
	}

	public static String phone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? null : "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
