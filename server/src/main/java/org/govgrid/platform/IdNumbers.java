package org.govgrid.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.Set;

/**
 * Resident identity card numbers (GB 11643-1999): a six-digit division code whose first
 * two digits name a province, the birth date (positions 7–14), a sequence whose last
 * digit is odd for men and even for women, and a check character by ISO 7064 MOD 11-2.
 */
public final class IdNumbers {

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	/** GB/T 2260 provinces (and 71/81/82 for Taiwan, Hong Kong and Macao). */
	private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
			"33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
			"63", "64", "65", "71", "81", "82", "83");

	private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private IdNumbers() {
	}

	public static boolean valid(String number) {
		return problem(number, null, LocalDate.now()).isEmpty();
	}

	/**
	 * What is wrong with the number, if anything, as a bilingual message;
	 * {@code declaredSex} (GB/T 2261.1: 1 male, 2 female) is checked against the sequence
	 * when given.
	 */
	public static Optional<String> problem(String number, String declaredSex, LocalDate today) {
		if (number == null || !number.matches("\\d{17}[\\dXx]")) {
			return Optional.of("18 characters: 17 digits and a digit or X / 应为18位：17位数字加1位数字或X");
		}
		if (!PROVINCES.contains(number.substring(0, 2))) {
			return Optional.of("the division code names no province / 行政区划代码无效");
		}
		LocalDate birth = birthDate(number).orElse(null);
		if (birth == null || birth.isAfter(today) || birth.getYear() < 1880) {
			return Optional.of("the birth date in it is impossible / 出生日期不合法");
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (number.charAt(i) - '0') * WEIGHTS[i];
		}
		if (Character.toUpperCase(number.charAt(17)) != CHECK[sum % 11]) {
			return Optional.of("wrong check character / 校验码错误");
		}
		if (declaredSex != null && (declaredSex.equals("1") || declaredSex.equals("2"))
				&& !declaredSex.equals(sex(number))) {
			return Optional.of("the sequence's sex does not match the declared sex / 顺序码与性别不符");
		}
		return Optional.empty();
	}

	public static Optional<LocalDate> birthDate(String number) {
		try {
			return Optional.of(LocalDate.parse(number.substring(6, 14), BIRTH));
		}
		catch (DateTimeParseException | IndexOutOfBoundsException ex) {
			return Optional.empty();
		}
	}

	/** GB/T 2261.1 sex code from the sequence: odd {@code 1} (male), even {@code 2}. */
	public static String sex(String number) {
		return (number.charAt(16) - '0') % 2 == 1 ? "1" : "2";
	}

	/** The check character the first 17 digits call for (test data, generators). */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

}
