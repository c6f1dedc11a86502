package org.govgrid.patrol;

import java.time.Instant;

/**
 * Published inside the transaction that finishes a patrol: who walked where, how long and
 * how far (what the performance points count).
 */
public record PatrolFinished(long patrolId, long workerId, long gridId, String regionPath, String domainCode,
		Instant startedAt, Instant finishedAt, long durationSeconds, double distanceMeters) {
}
