package org.govgrid.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Resident identity card numbers (GB 11643-1999): 17 digits and a check character by ISO
 * 7064 MOD 11-2, with a real birth date in positions 7–14.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private IdNumbers() {
	}

	public static boolean valid(String number) {
		if (number == null || !number.matches("\\d{17}[\\dXx]")) {
			return false;
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		if (Character.toUpperCase(number.charAt(17)) != CHECK[sum % 11]) {
			return false;
		}
		try {
			LocalDate birth = LocalDate.parse(number.substring(6, 14), BIRTH);
			return !birth.isAfter(LocalDate.now()) && birth.getYear() >= 1880;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

}
