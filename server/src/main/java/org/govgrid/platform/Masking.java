package org.govgrid.platform;

/**
 * Masks personal identifiers for responses (DESIGN §5): {@code 138****5678},
 * {@code 320***********1234}.
 */
public final class Masking {

	private Masking() {
	}

	/** {@code 320***********1234}: the province and the last four characters. */
	public static String idNumber(String idNumber) {
		if (idNumber == null || idNumber.length() < 8) {
			return idNumber == null ? null : "****";
		}
		return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
	}

	public static String phone(String phone) {
		if (phone == null || phone.length() < 7) {
			return phone == null ? null : "****";
		}
		return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}

}
