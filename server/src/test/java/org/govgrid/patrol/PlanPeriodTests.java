package org.govgrid.patrol;

import java.time.LocalDate;

import org.govgrid.patrol.PlanPeriod.Frequency;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlanPeriodTests {

	private static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);

	@Test
	void aDayIsItself() {
		assertThat(PlanPeriod.of(Frequency.DAILY, WEDNESDAY)).isEqualTo(new PlanPeriod(WEDNESDAY, WEDNESDAY));
	}

	@Test
	void aWeekRunsMondayToSunday() {
		assertThat(PlanPeriod.of(Frequency.WEEKLY, WEDNESDAY))
			.isEqualTo(new PlanPeriod(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29)));
		assertThat(PlanPeriod.of(Frequency.WEEKLY, LocalDate.of(2026, 11, 29)).start())
			.isEqualTo(LocalDate.of(2026, 11, 23));
		assertThat(PlanPeriod.of(Frequency.WEEKLY, LocalDate.of(2026, 11, 30)).start())
			.isEqualTo(LocalDate.of(2026, 11, 30));
	}

	@Test
	void aMonthRunsToItsLastDay() {
		assertThat(PlanPeriod.of(Frequency.MONTHLY, LocalDate.of(2028, 2, 10)))
			.isEqualTo(new PlanPeriod(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
	}

	@Test
	void onlyKnownFrequenciesParse() {
		assertThat(Frequency.parse("WEEKLY")).isEqualTo(Frequency.WEEKLY);
		assertThat(Frequency.parse("weekly")).isNull();
		assertThat(Frequency.parse(null)).isNull();
	}

}
