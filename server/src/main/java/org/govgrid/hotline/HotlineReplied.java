package org.govgrid.hotline;

import java.time.Instant;

/**
 * Published inside the event's closing transaction when a 12345 order gets its reply (the
 * event's resolution, or the reason it was not taken up): what goes back to the hotline
 * system ({@code regionPath}: the event's, for whoever may hear of it).
 */
public record HotlineReplied(long orderId, String orderNumber, long eventId, String reply, Instant at,
		String regionPath) {
}
