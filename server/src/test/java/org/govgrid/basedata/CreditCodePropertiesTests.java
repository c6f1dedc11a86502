package org.govgrid.basedata;

import java.util.SplittableRandom;

import org.govgrid.support.Properties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the unified social credit code check (GB 32100): every well-made code
 * passes, every single-character change fails, and no text makes the checker throw.
 */
class CreditCodePropertiesTests {

	static String validCode(SplittableRandom random) {
		StringBuilder code = new StringBuilder();
		code.append(Properties.oneOf(random, "123456789ANY"));
		code.append(Properties.oneOf(random, CreditCodes.CHARSET));
		for (int i = 0; i < 6; i++) {
			code.append(Properties.oneOf(random, "0123456789"));
		}
		for (int i = 0; i < 9; i++) {
			code.append(Properties.oneOf(random, CreditCodes.CHARSET));
		}
		return code.append(CreditCodes.checkCharacter(code.toString())).toString();
	}

	@Test
	void everyWellMadeCodePasses() {
		Properties.forAll(21_101, CreditCodePropertiesTests::validCode,
				code -> assertThat(CreditCodes.problem(code)).isEmpty());
	}

	@Test
	void everySingleCharacterChangeFails() {
		Properties.forAll(21_102, random -> {
			String code = validCode(random);
			int at = random.nextInt(18);
			char replacement;
			do {
				// any code character, or one the code never uses (I, O, S, V, Z, symbols)
				replacement = Properties.oneOf(random, CreditCodes.CHARSET + "IOSVZ-*中");
			}
			while (replacement == code.charAt(at));
			return code.substring(0, at) + replacement + code.substring(at + 1);
		}, changed -> assertThat(CreditCodes.problem(changed)).isPresent());
	}

	@Test
	void anyTextIsAnsweredWithoutThrowing() {
		Properties.forAll(21_103, random -> Properties.anyText(random, 24),
				text -> assertThat(CreditCodes.problem(text)).isNotNull());
	}

}
