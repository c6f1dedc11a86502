package org.govgrid.special;

import java.util.List;

/**
 * A batch of readings from a utility's feed: each names its meter by number and kind, the
 * instant (ISO-8601 with offset), the value and whether it is the meter's cumulative
 * count ({@code true}) or the usage since the previous reading ({@code false}).
 */
record UtilityReadingsCommand(List<Reading> readings) {

	record Reading(String meterNumber, String kind, String time, Double value, Boolean cumulative) {
	}

}
