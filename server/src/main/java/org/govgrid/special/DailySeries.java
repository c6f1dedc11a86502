package org.govgrid.special;

import java.time.LocalDate;
import java.util.List;

/**
 * A meter's usage per local day (Asia/Shanghai), every day of the range listed: a day
 * without readings has {@code usage} null and {@code readings} 0.
 */
record DailySeries(long meterId, String kind, String unit, LocalDate from, LocalDate to, double total, List<Day> days) {

	record Day(LocalDate date, Double usage, int readings) {
	}

}
