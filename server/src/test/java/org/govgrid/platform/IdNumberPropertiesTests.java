package org.govgrid.platform;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import org.govgrid.support.Properties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the resident ID number check (GB 11643): every well-made number passes,
 * every single-character change fails, and no text makes the checker throw.
 */
class IdNumberPropertiesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

	private static final List<String> DIVISIONS = List.of("320505", "110101", "440305", "510104", "650102");

	/**
	 * A valid number: a real division, a birth date 1900–today, a sequence, its check.
	 */
	static String validNumber(SplittableRandom random) {
		LocalDate birth = LocalDate.of(1900, 1, 1)
			.plusDays(random.nextLong(TODAY.toEpochDay() - LocalDate.of(1900, 1, 1).toEpochDay() + 1));
		String first17 = DIVISIONS.get(random.nextInt(DIVISIONS.size())) + birth.toString().replace("-", "")
				+ String.format("%03d", random.nextInt(1000));
		return first17 + IdNumbers.checkCharacter(first17);
	}

	@Test
	void everyWellMadeNumberPasses() {
		Properties.forAll(21_001, IdNumberPropertiesTests::validNumber,
				number -> assertThat(IdNumbers.problem(number, null, TODAY)).isEmpty());
	}

	@Test
	void everySingleCharacterChangeFails() {
		Properties.forAll(21_002, random -> {
			String number = validNumber(random);
			int at = random.nextInt(18);
			char replacement;
			do {
				replacement = Properties.oneOf(random, "0123456789X");
			}
			while (replacement == number.charAt(at));
			return number.substring(0, at) + replacement + number.substring(at + 1);
		}, changed -> assertThat(IdNumbers.problem(changed, null, TODAY)).isPresent());
	}

	@Test
	void anyTextIsAnsweredWithoutThrowing() {
		Properties.forAll(21_003, random -> random.nextBoolean() ? Properties.anyText(random, 24)
				: validNumber(random).substring(0, random.nextInt(19)), text -> {
					assertThat(IdNumbers.problem(text, "1", TODAY)).isNotNull();
					IdNumbers.birthDate(text);
				});
	}

	@Test
	void theTestFixturesNumbersAreValid() {
		Properties.forAll(21_004, 200, random -> org.govgrid.support.TestIds.idNumber(),
				number -> assertThat(IdNumbers.valid(number)).isTrue());
	}

}
