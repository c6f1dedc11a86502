package org.govgrid.performance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.govgrid.platform.FieldErrors;

/**
 * A ranking period in the Asia/Shanghai calendar: a month ({@code 2026-11}), a quarter
 * ({@code 2026-Q4}) or a year ({@code 2026}). {@code from} and {@code to} are the first
 * and last local days, both included.
 */
record Period(String label, Kind kind, YearMonth firstMonth, YearMonth lastMonth) {

	static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");

	private static final Pattern YEAR = Pattern.compile("(\\d{4})");

	enum Kind {

		MONTH, QUARTER, YEAR

	}

	/**
	 * The period named by {@code value}, the month of {@code today} when blank; a bad
	 * value is added to {@code errors} as {@code field} and gives null.
	 */
	static Period parse(String value, String field, LocalDate today, FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return month(YearMonth.from(today));
		}
		String text = value.strip();
		Period period = null;
		Matcher m;
		if ((m = MONTH.matcher(text)).matches()) {
			int month = Integer.parseInt(m.group(2));
			period = month >= 1 && month <= 12 ? month(YearMonth.of(Integer.parseInt(m.group(1)), month)) : null;
		}
		else if ((m = QUARTER.matcher(text)).matches()) {
			period = quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
		}
		else if ((m = YEAR.matcher(text)).matches()) {
			period = year(Integer.parseInt(m.group(1)));
		}
		if (period == null || period.firstMonth().getYear() < MIN_YEAR || period.firstMonth().getYear() > MAX_YEAR) {
			errors.add(field, "a month (2026-11), quarter (2026-Q4) or year (2026) from 2000 to 2100"
					+ " / 周期格式应为 2026-11、2026-Q4 或 2026（2000–2100年）");
			return null;
		}
		return period;
	}

	static Period month(YearMonth month) {
		return new Period(month.toString(), Kind.MONTH, month, month);
	}

	static Period quarter(int year, int quarter) {
		YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
		return new Period(year + "-Q" + quarter, Kind.QUARTER, first, first.plusMonths(2));
	}

	static Period year(int year) {
		return new Period(Integer.toString(year), Kind.YEAR, YearMonth.of(year, 1), YearMonth.of(year, 12));
	}

	/** The period of the same kind just before this one. */
	Period previous() {
		return switch (this.kind) {
			case MONTH -> month(this.firstMonth.minusMonths(1));
			case QUARTER -> {
				YearMonth first = this.firstMonth.minusMonths(3);
				yield quarter(first.getYear(), (first.getMonthValue() - 1) / 3 + 1);
			}
			case YEAR -> year(this.firstMonth.getYear() - 1);
		};
	}

	LocalDate from() {
		return this.firstMonth.atDay(1);
	}

	LocalDate to() {
		return this.lastMonth.atEndOfMonth();
	}

	/** The first instant of the period. */
	Instant start() {
		return from().atStartOfDay(LOCAL).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return to().plusDays(1).atStartOfDay(LOCAL).toInstant();
	}

	/** The local month (its first day) an instant falls in. */
	static LocalDate monthOf(Instant instant) {
		return YearMonth.from(instant.atZone(LOCAL)).atDay(1);
	}

}
