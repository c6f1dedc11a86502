package org.govgrid.exchange;

import java.time.Instant;

/**
 * An import job as its creator sees it. {@code rowsTotal} is counted when the file is
 * accepted, so {@code rowsRead / rowsTotal} is the progress. A dry run checks every row
 * and writes nothing ({@code created} and {@code updated} say what a real run would do);
 * {@code initialPasswords} is how many imported accounts' initial passwords wait for
 * their one download.
 */
record ImportJobView(long id, String kind, String filename, String status, int rowsTotal, int rowsRead, int rowsOk,
		int rowsFailed, int created, int updated, String message, Instant createdAt, Instant startedAt,
		Instant finishedAt, boolean dryRun, int initialPasswords) {
}
