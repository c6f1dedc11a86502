package org.govgrid.iot;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.govgrid.iot.model.MessageType;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The message log in monthly partitions (as patrol's track points): a month's partition
 * is created the first time it is needed; the default partition catches a month that
 * already has stray rows there. A repeated message is dropped by the key.
 */
@Component
class MessageLog {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy_MM");

	private final NamedParameterJdbcTemplate jdbc;

	private final Set<String> knownPartitions = ConcurrentHashMap.newKeySet();

	MessageLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the message was new. */
	boolean insert(long deviceId, Instant at, MessageType type, String alarmKind, String channel, String payload,
			Instant receivedAt) {
		ensurePartition(at.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1));
		return this.jdbc.update("""
				insert into iot_message (device_id, at, type, alarm_kind, received_at, channel, payload)
				values (:device, :at, :type, :alarmKind, :receivedAt, :channel, cast(:payload as jsonb))
				on conflict do nothing""",
				new MapSqlParameterSource("device", deviceId).addValue("at", Timestamp.from(at))
					.addValue("type", type.name())
					.addValue("alarmKind", alarmKind)
					.addValue("receivedAt", Timestamp.from(receivedAt))
					.addValue("channel", channel)
					.addValue("payload", payload)) == 1;
	}

	void ensurePartition(LocalDate month) {
		String name = "iot_message_" + MONTH.format(month);
		if (this.knownPartitions.contains(name)) {
			return;
		}
		Boolean exists = this.jdbc.queryForObject("select to_regclass(:name) is not null",
				new MapSqlParameterSource("name", name), Boolean.class);
		if (!Boolean.TRUE.equals(exists)) {
			Integer stray = this.jdbc.queryForObject(
					"select count(*) from iot_message_default where at >= cast(:month as date) and at < (cast(:month as date) + interval '1 month')",
					new MapSqlParameterSource("month", java.sql.Date.valueOf(month)), Integer.class);
			if (stray != null && stray > 0) {
				this.knownPartitions.add(name);
				return;
			}
			this.jdbc.getJdbcOperations()
				.execute("create table if not exists " + name + " partition of iot_message for values from ('" + month
						+ "') to ('" + month.plusMonths(1) + "')");
		}
		this.knownPartitions.add(name);
	}

}
