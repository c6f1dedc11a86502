package org.govgrid.iot;

import java.sql.Timestamp;
import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flags devices OFFLINE once they have been silent for {@code govgrid.iot.offline-after}
 * (one node at a time, on the injected clock). Only ONLINE devices move, as
 * {@code DeviceState.silent()} allows; the next message brings them back.
 */
@Component
class OfflineJob {

	private static final Logger log = LoggerFactory.getLogger(OfflineJob.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final IotProperties properties;

	private final Clock clock;

	OfflineJob(NamedParameterJdbcTemplate jdbc, IotProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${govgrid.iot.offline-check-interval:1m}",
			initialDelayString = "${govgrid.iot.offline-check-initial-delay:30s}")
	@SchedulerLock(name = "iot-offline-devices", lockAtMostFor = "PT5M")
	void flagSilentDevices() {
		int flagged = flag();
		if (flagged > 0) {
			log.info("IoT: {} silent devices flagged offline", flagged);
		}
	}

	/** How many devices were flagged. */
	int flag() {
		return this.jdbc.update("""
				update iot_device set state = 'OFFLINE', updated_at = :now
				where state = 'ONLINE' and last_seen_at < :cutoff""",
				new MapSqlParameterSource("now", Timestamp.from(this.clock.instant())).addValue("cutoff",
						Timestamp.from(this.clock.instant().minus(this.properties.offlineAfter()))));
	}

}
