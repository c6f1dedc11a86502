package org.govgrid.hotline.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * Working days (工作日): Monday to Friday, except the dates the calendar overrides — a
 * public holiday on a weekday, or a weekend day worked instead (调休).
 */
public final class WorkingDays {

	/** The longest run this calculator walks, so a calendar of holidays cannot loop. */
	private static final int MAX_SPAN_DAYS = 3660;

	private final Map<LocalDate, Boolean> overrides;

	/** {@code overrides}: date → true for a working day, false for a holiday. */
	public WorkingDays(Map<LocalDate, Boolean> overrides) {
		this.overrides = Map.copyOf(overrides);
	}

	/** Monday to Friday, the default before any override. */
	public static boolean isWeekday(LocalDate date) {
		DayOfWeek day = date.getDayOfWeek();
		return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
	}

	public boolean isWorkingDay(LocalDate date) {
		Boolean override = this.overrides.get(Objects.requireNonNull(date, "date"));
		return override != null ? override : isWeekday(date);
	}

	/**
	 * The {@code days}-th working day after {@code from} ({@code from} itself never
	 * counts: an order received on a Friday with 1 working day is due the next working
	 * day).
	 */
	public LocalDate after(LocalDate from, int days) {
		if (days < 1) {
			throw new IllegalArgumentException("days must be at least 1");
		}
		LocalDate date = from;
		int counted = 0;
		for (int step = 0; step < MAX_SPAN_DAYS; step++) {
			date = date.plusDays(1);
			if (isWorkingDay(date) && ++counted == days) {
				return date;
			}
		}
		throw new IllegalStateException("no " + days + " working days within ten years of " + from);
	}

	/**
	 * Working days in {@code (from, to]}: 0 when {@code to} is not after {@code from}.
	 */
	public int between(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
			if (isWorkingDay(date)) {
				count++;
			}
		}
		return count;
	}

}
