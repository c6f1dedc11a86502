package org.govgrid.patrol;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a patrol plan counts in: the day, the week (Monday to Sunday) or the month
 * that holds a given local date. Both ends are inclusive dates.
 */
record PlanPeriod(LocalDate start, LocalDate end) {

	static PlanPeriod of(Frequency frequency, LocalDate day) {
		return switch (frequency) {
			case DAILY -> new PlanPeriod(day, day);
			case WEEKLY -> new PlanPeriod(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
					day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
			case MONTHLY -> new PlanPeriod(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
		};
	}

	enum Frequency {

		DAILY, WEEKLY, MONTHLY;

		static Frequency parse(String value) {
			for (Frequency frequency : values()) {
				if (frequency.name().equals(value)) {
					return frequency;
				}
			}
			return null;
		}

	}

}
