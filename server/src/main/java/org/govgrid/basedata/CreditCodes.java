package org.govgrid.basedata;

import java.util.Optional;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters of {@value #CHARSET} — the registration
 * authority and the organisation type, the six-digit division code (GB/T 2260), the
 * nine-character organisation code (GB 11714) and a check character.
 */
public final class CreditCodes {

	/**
	 * The code's alphabet: digits and capitals without I, O, S, V and Z; index = value.
	 */
	static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	/** 机构编制, 外交, 司法行政, 文化, 民政, 旅游, 宗教, 工会, 工商, 编制办, 农业, 其他. */
	private static final String AUTHORITIES = "123456789ANY";

	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private CreditCodes() {
	}

	/** Upper case, without surrounding spaces, as stored. */
	public static String normalise(String code) {
		return code == null ? null : code.strip().toUpperCase(java.util.Locale.ROOT);
	}

	/** Why {@code code} is not a unified social credit code, or empty if it is one. */
	public static Optional<String> problem(String code) {
		String c = normalise(code);
		if (c == null || c.length() != 18) {
			return Optional.of("18 characters / 统一社会信用代码应为18位");
		}
		for (int i = 0; i < 18; i++) {
			if (CHARSET.indexOf(c.charAt(i)) < 0) {
				return Optional
					.of("character " + (i + 1) + " is not allowed (no I, O, S, V, Z) / 第" + (i + 1) + "位字符无效");
			}
		}
		if (AUTHORITIES.indexOf(c.charAt(0)) < 0) {
			return Optional.of("no such registration authority / 登记管理部门代码无效");
		}
		if (!c.substring(2, 8).chars().allMatch(Character::isDigit)) {
			return Optional.of("characters 3–8 are a division code / 第3–8位应为行政区划码");
		}
		if (c.charAt(17) != checkCharacter(c.substring(0, 17))) {
			return Optional.of("wrong check character / 校验码错误");
		}
		return Optional.empty();
	}

	/** The check character of the first 17 characters. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += CHARSET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		int check = 31 - sum % 31;
		return CHARSET.charAt(check == 31 ? 0 : check);
	}

}
