package org.govgrid.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTests {

	@Test
	void theCheckCharacterAndTheBirthDateMustBeRight() {
		// the sample number of GB 11643-1999
		assertThat(IdNumbers.valid("11010519491231002X")).isTrue();
		assertThat(IdNumbers.valid("11010519491231002x")).isTrue();
		assertThat(IdNumbers.valid("110105194912310021")).as("wrong check character").isFalse();
		assertThat(IdNumbers.valid("110105194902300020")).as("30 February").isFalse();
		assertThat(IdNumbers.valid("1101051949123100")).isFalse();
		assertThat(IdNumbers.valid(null)).isFalse();
	}

}
