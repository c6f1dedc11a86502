package org.govgrid.exchange;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.govgrid.support.Properties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of import cell parsing: no cell text makes a parser throw (a bad cell is a
 * row error, never a failed job), and what the export writes reads back the same.
 */
class CellValuePropertiesTests {

	@Test
	void noCellTextMakesAParserThrow() {
		Properties.forAll(21_301,
				random -> random.nextInt(5) == 0 ? "1E" + random.nextLong() : Properties.anyText(random, 16), text -> {
					assertThat(CellValues.date(text)).isNotNull();
					assertThat(CellValues.bool(text)).isNotNull();
					assertThat(CellValues.number(text)).isNotNull();
				});
	}

	@Test
	void everyDateReadsBackInTheIsoAndTheChineseSpelling() {
		Properties.forAll(21_302, random -> LocalDate.ofEpochDay(
				random.nextLong(LocalDate.of(1880, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())),
				day -> {
					assertThat(CellValues.date(day.toString())).contains(day);
					assertThat(CellValues.date(day + "T08:00:00")).contains(day);
				});
	}

	@Test
	void everyDecimalReadsBackWithOrWithoutThousandsSeparators() {
		Properties.forAll(21_303,
				random -> BigDecimal.valueOf(random.nextLong(-1_000_000_000L, 1_000_000_000L), random.nextInt(4)),
				number -> {
					assertThat(CellValues.number(number.toPlainString())).contains(number);
					assertThat(CellValues.number(String.format("%,.4f", number)).orElseThrow().compareTo(number))
						.isZero();
				});
	}

	@Test
	void yearZeroAndImpossibleDaysAreNoDates() {
		for (String text : new String[] { "0000-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "99999-01-01",
				"0000年1月1日" }) {
			assertThat(CellValues.date(text)).as(text).isEmpty();
		}
		assertThat(DateTimeFormatter.ISO_LOCAL_DATE).isNotNull();
	}

}
