package org.govgrid.hotline;

import java.time.Instant;

/**
 * A 12345 work order as the hotline system (or the centre's form) sends it. Optional:
 * caller name and phone, the point ({@code lon, lat}; without it the order waits at the
 * centre of {@code townId}, or of the caller's town), {@code categoryCode} (without it
 * the centre chooses), {@code receivedAt} (now) and {@code timeLimitDays} (5 working
 * days).
 */
record OrderCommand(String orderNumber, String appealType, String title, String content, String callerName,
		String callerPhone, String address, Double lon, Double lat, Long townId, String categoryCode,
		Instant receivedAt, Integer timeLimitDays) {
}
