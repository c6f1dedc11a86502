package org.govgrid.special;

import java.time.Instant;

/** A registered meter with its latest reading (null before the first). */
record MeterView(long id, String kind, String kindLabel, String unit, String meterNumber, long houseId, String address,
		long gridId, String gridName, Double lon, Double lat, String status, String note, Instant lastReadingAt,
		Double lastValue, int version, Instant createdAt, Instant updatedAt) {
}
