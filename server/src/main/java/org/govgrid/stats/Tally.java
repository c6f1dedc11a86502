package org.govgrid.stats;

import java.time.LocalDate;

/**
 * One count an event contributes to a day's statistics: {@code dimension} and {@code key}
 * (e.g. {@code level / MAJOR}) on {@code day}, worth {@code value}.
 */
record Tally(LocalDate day, String dimension, String key, long value) {

	/** Counted on the day of the report. */
	static final String REPORTED = "reported";

	static final String LEVEL = "level";

	static final String SOURCE = "source";

	static final String CATEGORY = "category";

	static final String STATUS = "status";

	static final String OVERDUE = "overdue";

	/** Counted on the day of the closing. */
	static final String CLOSED = "closed";

	static final String HANDLING_SECONDS = "handling";

	static final String HANDLING_BUCKET = "bucket";

	static final String RATING = "rating";

	static final String ON_TIME = "on_time";

	static final String LATE = "late";

	Slot slot() {
		return new Slot(this.day, this.dimension, this.key);
	}

	/** Where a tally is added up. */
	record Slot(LocalDate day, String dimension, String key) {
	}

}
