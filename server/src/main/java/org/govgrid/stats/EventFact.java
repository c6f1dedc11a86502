package org.govgrid.stats;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.govgrid.event.EventChanged;

/**
 * An event as statistics see it: when it was reported and closed (local days), where,
 * what, and how it went. {@link #tallies()} is the one definition of what an event adds
 * to every figure; rollups and direct reads both use it.
 */
record EventFact(long eventId, LocalDate reportDay, LocalDate closeDay, long gridId, String regionPath,
		String categoryCode, String source, String level, String status, boolean overdue, Boolean closedOnTime,
		Long handlingSeconds, Integer score) {

	static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	static EventFact of(EventChanged event) {
		boolean closed = "CLOSED".equals(event.status()) && event.closedAt() != null;
		Instant closedAt = closed ? event.closedAt() : null;
		return new EventFact(event.eventId(), day(event.reportedAt()), closed ? day(closedAt) : null, event.gridId(),
				event.regionPath(), event.categoryCode(), event.source(), event.level(), event.status(),
				event.overdue(),
				closed ? event.disposalDeadline() == null || !closedAt.isAfter(event.disposalDeadline()) : null,
				closed ? Math.max(0, Duration.between(event.reportedAt(), closedAt).toSeconds()) : null,
				closed ? event.score() : null);
	}

	static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, LOCAL);
	}

	List<Tally> tallies() {
		List<Tally> tallies = new ArrayList<>();
		tallies.add(new Tally(this.reportDay, Tally.REPORTED, "", 1));
		tallies.add(new Tally(this.reportDay, Tally.LEVEL, this.level, 1));
		tallies.add(new Tally(this.reportDay, Tally.SOURCE, this.source, 1));
		tallies.add(new Tally(this.reportDay, Tally.CATEGORY, this.categoryCode, 1));
		tallies.add(new Tally(this.reportDay, Tally.STATUS, this.status, 1));
		if (this.overdue) {
			tallies.add(new Tally(this.reportDay, Tally.OVERDUE, "", 1));
		}
		if (this.closeDay != null) {
			tallies.add(new Tally(this.closeDay, Tally.CLOSED,
					Boolean.TRUE.equals(this.closedOnTime) ? Tally.ON_TIME : Tally.LATE, 1));
			tallies.add(new Tally(this.closeDay, Tally.HANDLING_SECONDS, "", this.handlingSeconds));
			tallies.add(new Tally(this.closeDay, Tally.HANDLING_BUCKET,
					Integer.toString(HandlingBuckets.of(this.handlingSeconds)), 1));
			if (this.score != null) {
				tallies.add(new Tally(this.closeDay, Tally.RATING, this.score.toString(), 1));
			}
		}
		return tallies;
	}

	/**
	 * The regions whose daily rollups hold this event: the city, district and town of its
	 * path (smaller areas read the facts).
	 */
	List<String> rollupRegions() {
		String[] codes = this.regionPath.split("/");
		return List.of(codes).subList(0, Math.min(ROLLUP_DEPTH, codes.length));
	}

	/** City, district, town. */
	static final int ROLLUP_DEPTH = 3;

}
