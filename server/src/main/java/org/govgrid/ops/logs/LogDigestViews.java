package org.govgrid.ops.logs;

import java.time.Instant;
import java.time.LocalDate;

import org.govgrid.ops.logs.LogDigestStore.Stored;

/** What the log digest API answers. */
final class LogDigestViews {

	private LogDigestViews() {
	}

	/** A line of the list: the day's totals and whether it was reviewed. */
	record DigestSummary(LocalDate date, Instant builtAt, LogDigest.Totals totals, int errorKinds, int bursts,
			boolean reviewed, Instant reviewedAt, String reviewedBy) {

		static DigestSummary of(Stored stored) {
			return new DigestSummary(stored.date(), stored.builtAt(), stored.digest().totals(),
					stored.digest().errors().size(), stored.digest().denialBursts().size(), stored.reviewed(),
					stored.reviewedAt(), stored.reviewedBy());
		}

	}

	/** A whole digest with its review. */
	record DigestView(LocalDate date, Instant builtAt, LogDigest digest, boolean reviewed, Review review) {

		static DigestView of(Stored stored) {
			return new DigestView(stored.date(), stored.builtAt(), stored.digest(), stored.reviewed(), stored.reviewed()
					? new Review(stored.reviewedBy(), stored.reviewedAt(), stored.reviewComment()) : null);
		}

	}

	record Review(String by, Instant at, String comment) {
	}

	/** The body of a review. */
	record ReviewCommand(String comment) {
	}

}
