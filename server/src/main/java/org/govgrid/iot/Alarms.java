package org.govgrid.iot;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.govgrid.event.EventIntake;
import org.govgrid.event.EventNotes;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Alarms become {@code IOT} events: one open event per device and alarm kind. The first
 * alarm of an episode reports an event placed at the device in the category of its kind
 * (routed by the rules like any report); a repeated alarm while that event is open adds a
 * note to its flow; a clearing is noted too. The episode number is part of the report's
 * idempotency key, so two nodes taking the same alarm at once make one event.
 */
@Service
class Alarms {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final NamedParameterJdbcTemplate jdbc;

	private final EventIntake intake;

	private final EventNotes notes;

	private final IotServiceAccount account;

	Alarms(NamedParameterJdbcTemplate jdbc, EventIntake intake, EventNotes notes, IotServiceAccount account) {
		this.jdbc = jdbc;
		this.intake = intake;
		this.notes = notes;
		this.account = account;
	}

	/** The alarm's event and whether this alarm opened it. */
	record Raised(long eventId, boolean created) {
	}

	/** Outside a transaction: the event takes its code in its own. */
	Raised raise(Devices.Stored device, String alarmKind, Instant at, String payload) {
		ScopedPrincipal actor = this.account.actor(device.regionPath());
		DeviceView d = device.view();
		Episode latest = latest(d.id(), alarmKind);
		String repeated = "重复告警（" + alarmKind + "），" + SHOWN.format(at.atZone(SHANGHAI)) + detail(payload);
		if (latest != null && this.notes.note(latest.eventId(), repeated, actor)) {
			repeatedOn(d.id(), alarmKind, latest.episode());
			return new Raised(latest.eventId(), false);
		}
		int episode = latest == null ? 1 : latest.episode() + 1;
		String category = this.jdbc.queryForObject("select category_code from iot_device_kind where kind = :kind",
				new MapSqlParameterSource("kind", d.kind()), String.class);
		String description = d.kindName() + " " + d.name() + "（" + d.code() + "）告警：" + alarmKind + "，发生于 "
				+ SHOWN.format(at.atZone(SHANGHAI)) + detail(payload);
		long eventId = this.intake.reportFromSource("IOT",
				new EventIntake.Report(category, "物联告警：" + d.name() + " " + alarmKind, description, d.lon(), d.lat(),
						d.address() == null ? d.name() : d.address(), List.of()),
				"iot:" + d.id() + ":" + alarmKind + ":" + episode, false, actor);
		int inserted = this.jdbc.update("""
				insert into iot_alarm (device_id, alarm_kind, episode, event_id, raised_at)
				values (:device, :kind, :episode, :event, :at) on conflict do nothing""",
				new MapSqlParameterSource("device", d.id()).addValue("kind", alarmKind)
					.addValue("episode", episode)
					.addValue("event", eventId)
					.addValue("at", Timestamp.from(at)));
		if (inserted == 0) {
			// the same alarm taken at the same moment elsewhere made this event
			this.notes.note(eventId, repeated, actor);
			repeatedOn(d.id(), alarmKind, episode);
			return new Raised(eventId, false);
		}
		return new Raised(eventId, true);
	}

	/**
	 * Notes the clearing on the episode's event, if there is one; its event id or null.
	 */
	Long clear(Devices.Stored device, String alarmKind, Instant at) {
		Episode latest = latest(device.view().id(), alarmKind);
		if (latest == null || latest.cleared()) {
			return null;
		}
		this.notes.note(latest.eventId(), "设备报告告警解除（" + alarmKind + "），" + SHOWN.format(at.atZone(SHANGHAI)),
				this.account.actor(device.regionPath()));
		this.jdbc.update("""
				update iot_alarm set cleared_at = :at
				where device_id = :device and alarm_kind = :kind and episode = :episode""",
				new MapSqlParameterSource("device", device.view().id()).addValue("kind", alarmKind)
					.addValue("episode", latest.episode())
					.addValue("at", Timestamp.from(at)));
		return latest.eventId();
	}

	private Episode latest(long deviceId, String alarmKind) {
		return this.jdbc
			.query("""
					select episode, event_id, cleared_at is not null as cleared from iot_alarm
					where device_id = :device and alarm_kind = :kind order by episode desc limit 1""",
					new MapSqlParameterSource("device", deviceId).addValue("kind", alarmKind),
					(rs, n) -> new Episode(rs.getInt("episode"), rs.getLong("event_id"), rs.getBoolean("cleared")))
			.stream()
			.findFirst()
			.orElse(null);
	}

	private void repeatedOn(long deviceId, String alarmKind, int episode) {
		this.jdbc.update("""
				update iot_alarm set repeats = repeats + 1, cleared_at = null
				where device_id = :device and alarm_kind = :kind and episode = :episode""",
				new MapSqlParameterSource("device", deviceId).addValue("kind", alarmKind).addValue("episode", episode));
	}

	/** The device's readings as sent, shortened for a person to read. */
	private static String detail(String payload) {
		if (payload == null || payload.isBlank() || payload.equals("{}")) {
			return "。";
		}
		String text = payload.length() > 300 ? payload.substring(0, 300) + "…" : payload;
		return "。设备数据：" + text;
	}

	private record Episode(int episode, long eventId, boolean cleared) {
	}

}
