package org.govgrid.event.model;

import java.time.Duration;
import java.time.Instant;

/** 时限预警: yellow once 80 % of the time limit is used, red once it has passed. */
public enum DeadlineFlag {

	NONE, YELLOW, RED;

	static DeadlineFlag of(Instant start, Instant deadline, Instant now) {
		if (start == null || deadline == null) {
			return NONE;
		}
		if (now.isAfter(deadline)) {
			return RED;
		}
		long limit = Duration.between(start, deadline).toMillis();
		long used = Duration.between(start, now).toMillis();
		return limit > 0 && used * 5 >= limit * 4 ? YELLOW : NONE;
	}

}
