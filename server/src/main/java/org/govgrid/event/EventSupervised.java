package org.govgrid.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * Published inside the writing transaction for every 督办 step, beside
 * {@link EventChanged}: which step ({@code flowId}, unique), the event and the unit held
 * to it at that moment, who supervised, how strictly and by when.
 */
public record EventSupervised(long eventId, long flowId, String code, String title, long townId, String regionPath,
		String unitKind, long unitId, Long assigneeId, long supervisorId, String supervisorName, Level level,
		Instant deadline, String comment, Instant at) {

	/** 一般 / 重点 / 挂牌督办. */
	public enum Level {

		GENERAL, KEY, LISTED;

		public static Optional<Level> of(String value) {
			return value == null ? Optional.empty()
					: Arrays.stream(values()).filter(l -> l.name().equalsIgnoreCase(value.strip())).findFirst();
		}

	}

}
