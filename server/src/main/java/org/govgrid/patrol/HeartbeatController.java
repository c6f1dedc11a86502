package org.govgrid.patrol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The phone's heartbeat while the app is open: where the worker is now, so that the
 * command centre sees them on duty between patrols. Throttled: one kept per
 * {@link WorkerPositions#HEARTBEAT_INTERVAL}; the others answer {@code accepted: false}.
 */
@RestController
class HeartbeatController {

	/** A fix older than this is of no use to the board. */
	static final Duration OLDEST_FIX = Duration.ofHours(1);

	/** How often the phone sends one: well inside the board's freshness limit. */
	static final Duration SEND_EVERY = Duration.ofSeconds(60);

	private final WorkerPositions positions;

	private final Clock clock;

	HeartbeatController(WorkerPositions positions, Clock clock) {
		this.positions = positions;
		this.clock = clock;
	}

	@PostMapping("/api/v1/patrol/heartbeat")
	@PreAuthorize("hasAuthority('patrol:position:write')")
	Receipt heartbeat(@RequestBody Heartbeat heartbeat) {
		ScopedPrincipal worker = CurrentUser.require();
		Instant now = this.clock.instant();
		FieldErrors errors = new FieldErrors();
		if (heartbeat.lon() == null || heartbeat.lon() < -180 || heartbeat.lon() > 180) {
			errors.add("lon", "-180 to 180 / 经度无效");
		}
		if (heartbeat.lat() == null || heartbeat.lat() < -90 || heartbeat.lat() > 90) {
			errors.add("lat", "-90 to 90 / 纬度无效");
		}
		if (heartbeat.accuracy() != null && heartbeat.accuracy() < 0) {
			errors.add("accuracy", "not negative / 精度不能为负");
		}
		Instant at = now;
		if (heartbeat.at() != null) {
			try {
				at = OffsetDateTime.parse(heartbeat.at()).toInstant();
				if (at.isAfter(now.plus(Patrols.CLOCK_SKEW_AHEAD)) || at.isBefore(now.minus(OLDEST_FIX))) {
					errors.add("at", "within the last hour / 须为最近一小时内的时间");
				}
			}
			catch (DateTimeParseException ex) {
				errors.add("at", "ISO-8601 with offset / 须为带时区的时间");
			}
		}
		errors.throwIfAny();
		boolean accepted = this.positions.fromHeartbeat(worker.userId(), worker.scope(), heartbeat.lon(),
				heartbeat.lat(), heartbeat.accuracy(), at);
		return new Receipt(accepted, SEND_EVERY.toSeconds());
	}

	/**
	 * {@code at}: the fix's time, ISO-8601 with offset; the server's time when absent.
	 */
	record Heartbeat(Double lon, Double lat, Double accuracy, String at) {
	}

	/** Whether this heartbeat was kept, and how often the phone should send one. */
	record Receipt(boolean accepted, long intervalSeconds) {
	}

}
