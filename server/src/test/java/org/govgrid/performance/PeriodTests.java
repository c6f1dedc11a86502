package org.govgrid.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PeriodTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

	@Test
	void aMonthAQuarterAndAYear() {
		Period month = parse("2026-11");
		assertThat(month.kind()).isEqualTo(Period.Kind.MONTH);
		assertThat(month.from()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(month.to()).isEqualTo(LocalDate.of(2026, 11, 30));
		Period quarter = parse("2026-Q4");
		assertThat(quarter.label()).isEqualTo("2026-Q4");
		assertThat(quarter.from()).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(quarter.to()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(parse("2026-q1").to()).isEqualTo(LocalDate.of(2026, 3, 31));
		Period year = parse(" 2026 ");
		assertThat(year.label()).isEqualTo("2026");
		assertThat(year.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(year.to()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(parse("2024-02").to()).as("leap year").isEqualTo(LocalDate.of(2024, 2, 29));
	}

	@Test
	void blankIsThisMonth() {
		assertThat(parse(null)).isEqualTo(Period.month(YearMonth.of(2026, 11)));
		assertThat(parse("")).isEqualTo(Period.month(YearMonth.of(2026, 11)));
	}

	@Test
	void everyBadValueIsNamed() {
		for (String bad : new String[] { "2026-13", "2026-00", "2026-Q5", "2026-Q0", "26", "1999", "2101-01", "2026/11",
				"2026-11-01", "November", "2026-H2", "2026-1" }) {
			FieldErrors errors = new FieldErrors();
			assertThat(Period.parse(bad, "period", TODAY, errors)).as(bad).isNull();
			assertThat(errors.list()).extracting(FieldProblem::field).as(bad).containsExactly("period");
		}
	}

	@Test
	void thePreviousPeriodIsOfTheSameKind() {
		assertThat(parse("2026-01").previous().label()).isEqualTo("2025-12");
		assertThat(parse("2026-Q1").previous().label()).isEqualTo("2025-Q4");
		assertThat(parse("2026-Q3").previous().label()).isEqualTo("2026-Q2");
		assertThat(parse("2026").previous().label()).isEqualTo("2025");
	}

	@Test
	void boundsAreShanghaiMidnights() {
		Period november = parse("2026-11");
		assertThat(november.start()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
		assertThat(november.end()).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
		// 2026-11-30 23:30 in Suzhou is still November there
		assertThat(Period.monthOf(Instant.parse("2026-11-30T15:30:00Z"))).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(Period.monthOf(Instant.parse("2026-11-30T16:00:00Z"))).isEqualTo(LocalDate.of(2026, 12, 1));
	}

	private static Period parse(String value) {
		FieldErrors errors = new FieldErrors();
		Period period = Period.parse(value, "period", TODAY, errors);
		assertThat(errors.isEmpty()).as(value).isTrue();
		return period;
	}

}
