package org.govgrid.hotline.model;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working days over the 2026 calendar of the State Council (part of it). */
class WorkingDaysTests {

	private static final WorkingDays CALENDAR_2026 = new WorkingDays(
			Map.ofEntries(Map.entry(LocalDate.of(2026, 1, 1), false), Map.entry(LocalDate.of(2026, 1, 2), false),
					Map.entry(LocalDate.of(2026, 1, 3), false), Map.entry(LocalDate.of(2026, 1, 4), true),
					Map.entry(LocalDate.of(2026, 9, 20), true), Map.entry(LocalDate.of(2026, 9, 25), false),
					Map.entry(LocalDate.of(2026, 10, 1), false), Map.entry(LocalDate.of(2026, 10, 2), false),
					Map.entry(LocalDate.of(2026, 10, 3), false), Map.entry(LocalDate.of(2026, 10, 4), false),
					Map.entry(LocalDate.of(2026, 10, 5), false), Map.entry(LocalDate.of(2026, 10, 6), false),
					Map.entry(LocalDate.of(2026, 10, 7), false), Map.entry(LocalDate.of(2026, 10, 10), true)));

	@Test
	void weekdaysWorkWeekendsRestUnlessOverridden() {
		assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 12, 7))).as("a Monday").isTrue();
		assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 12, 5))).as("a Saturday").isFalse();
		assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 10, 1))).as("National Day, a Thursday").isFalse();
		assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休 Saturday").isTrue();
		assertThat(CALENDAR_2026.isWorkingDay(LocalDate.of(2026, 9, 20))).as("调休 Sunday").isTrue();
	}

	@Test
	void aDeadlineAcrossNationalDayCountsTheWorkedSaturday() {
		// received Wed 30 Sep: Thu 8, Fri 9, Sat 10 (调休), Mon 12, Tue 13
		assertThat(CALENDAR_2026.after(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
		assertThat(CALENDAR_2026.after(LocalDate.of(2026, 9, 30), 3)).isEqualTo(LocalDate.of(2026, 10, 10));
		// received Thu 24 Sep: the 25th is 中秋, the 26th–27th a weekend, Mon 28
		assertThat(CALENDAR_2026.after(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
	}

	@Test
	void aWorkedSundayCountsAndTheReceiptDayNever() {
		// received Fri 18 Sep: Sun 20 is worked, so one working day later is the 20th
		assertThat(CALENDAR_2026.after(LocalDate.of(2026, 9, 18), 1)).isEqualTo(LocalDate.of(2026, 9, 20));
		assertThat(CALENDAR_2026.after(LocalDate.of(2026, 9, 21), 1)).isEqualTo(LocalDate.of(2026, 9, 22));
	}

	@Test
	void theYearEndRunsIntoNextYearsHolidays() {
		WorkingDays calendar = new WorkingDays(Map.of(LocalDate.of(2027, 1, 1), false));
		// received Wed 30 Dec 2026: Thu 31, (Fri 1 Jan holiday), Mon 4, Tue 5
		assertThat(calendar.after(LocalDate.of(2026, 12, 30), 3)).isEqualTo(LocalDate.of(2027, 1, 5));
		// 2025 → 2026: Wed 31 Dec, then 1–3 Jan off and Sun 4 Jan worked
		assertThat(CALENDAR_2026.after(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
	}

	@Test
	void countsWorkingDaysBetweenAndRefusesNoDays() {
		assertThat(CALENDAR_2026.between(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 13))).isEqualTo(5);
		assertThat(CALENDAR_2026.between(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 10, 13))).isZero();
		assertThatThrownBy(() -> CALENDAR_2026.after(LocalDate.of(2026, 1, 5), 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
