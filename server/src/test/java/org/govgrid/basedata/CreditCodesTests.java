package org.govgrid.basedata;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreditCodesTests {

	@Test
	void validCodesPass() {
		assertThat(CreditCodes.problem("91350100M000100Y43")).isEmpty();
		assertThat(CreditCodes.problem(" 91350100m000100y43 ")).as("trimmed, any case").isEmpty();
		assertThat(CreditCodes.normalise(" 91350100m000100y43 ")).isEqualTo("91350100M000100Y43");
		String first17 = "53320505MJ5123456";
		assertThat(CreditCodes.problem(first17 + CreditCodes.checkCharacter(first17))).isEmpty();
	}

	@Test
	void theCheckCharacterIsThirtyOneMinusTheWeightedSumModuloThirtyOne() {
		assertThat(CreditCodes.checkCharacter("91350100M000100Y4")).isEqualTo('3');
		// Σ value × weight ≡ 0 (mod 31) gives 31, written as 0
		assertThat(CreditCodes.checkCharacter("00000000000000000")).isEqualTo('0');
		// 1 × weight 1 = 1: 31 − 1 = 30, the last character of the alphabet
		assertThat(CreditCodes.checkCharacter("10000000000000000")).isEqualTo('Y');
	}

	@Test
	void everySingleCharacterChangeIsCaught() {
		String valid = "91350100M000100Y43";
		for (int i = 0; i < 18; i++) {
			for (char c : CreditCodes.CHARSET.toCharArray()) {
				if (c == valid.charAt(i)) {
					continue;
				}
				String changed = valid.substring(0, i) + c + valid.substring(i + 1);
				assertThat(CreditCodes.problem(changed)).as(changed).isPresent();
			}
		}
	}

	@Test
	void malformedCodesAreRejectedWithAReason() {
		assertThat(CreditCodes.problem(null)).hasValueSatisfying(p -> assertThat(p).contains("18"));
		assertThat(CreditCodes.problem("91350100M000100Y4")).hasValueSatisfying(p -> assertThat(p).contains("18"));
		assertThat(CreditCodes.problem("91350100M000100I43")).as("I is not in the alphabet")
			.hasValueSatisfying(p -> assertThat(p).contains("16"));
		assertThat(problemFor("X1350100M000100Y4")).as("no such authority").isPresent();
		assertThat(problemFor("9135A100M000100Y4")).as("a letter in the division code").isPresent();
		assertThat(CreditCodes.problem("91350100M000100Y44")).hasValueSatisfying(p -> assertThat(p).contains("check"));
	}

	/** The problem of a code made valid but for the fault under test. */
	private static Optional<String> problemFor(String first17) {
		String code = first17.chars().allMatch(ch -> CreditCodes.CHARSET.indexOf(ch) >= 0)
				? first17 + CreditCodes.checkCharacter(first17) : first17 + "0";
		return CreditCodes.problem(code);
	}

}
