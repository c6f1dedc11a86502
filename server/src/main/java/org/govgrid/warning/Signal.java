package org.govgrid.warning;

import java.time.Instant;

/**
 * One subject whose condition holds (or, in a backtest, began to hold).
 *
 * @param regionId the region the alert belongs to (usually the subject's grid)
 * @param regionPath that region's path
 * @param key what tells subjects apart in that region, stable between sweeps (e.g.
 * {@code meter:12}, {@code device:32050500001310000001}, {@code crowd})
 * @param detail what a person reads on the alert, in Chinese (at most 500 characters)
 * @param value the measured value (hours silent, today's usage, people counted, items)
 * @param limit the value it crossed
 * @param since when the condition began to hold (an alert a person dismissed after this
 * is not raised again for the same episode)
 * @param lon where the subject is, or null
 * @param lat where the subject is, or null
 */
public record Signal(long regionId, String regionPath, String key, String detail, double value, double limit,
		Instant since, Double lon, Double lat) {
}
