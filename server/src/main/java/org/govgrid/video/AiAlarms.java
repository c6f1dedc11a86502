package org.govgrid.video;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventIntake;
import org.govgrid.files.FileIntake;
import org.govgrid.files.StoredFileView;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Takes the video-AI platform's alarms in as {@code VIDEO_AI} events placed at the
 * camera, with the snapshot attached, routed by the rules like any report. The alarm id
 * makes it idempotent: a redelivered alarm answers with the event it made.
 */
@Service
class AiAlarms {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final Cameras cameras;

	private final EventIntake events;

	private final FileIntake files;

	private final VideoServiceAccount account;

	private final VideoProperties properties;

	private final NamedParameterJdbcTemplate jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	AiAlarms(Cameras cameras, EventIntake events, FileIntake files, VideoServiceAccount account,
			VideoProperties properties, NamedParameterJdbcTemplate jdbc, AuditTrail audit, Clock clock) {
		this.cameras = cameras;
		this.events = events;
		this.files = files;
		this.account = account;
		this.properties = properties;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** The event of this alarm, and whether this delivery made it. */
	record Outcome(long eventId, boolean created) {
	}

	/** Outside a transaction: the snapshot and the event each commit in their own. */
	Outcome receive(AiAlarm alarm) {
		Optional<Long> earlier = eventOf(alarm.alarmId());
		if (earlier.isPresent()) {
			return new Outcome(earlier.get(), false);
		}
		Valid valid = validate(alarm);
		ScopedPrincipal actor = this.account.actor(valid.camera().gridPath());
		List<Long> fileIds = List.of();
		if (valid.snapshot() != null) {
			StoredFileView file = this.files.storeJpeg("snapshot", "snapshot-" + alarm.alarmId().strip() + ".jpg",
					valid.snapshot(), actor);
			fileIds = List.of(file.id());
		}
		String mapped = this.properties.alarmCategories().get(alarm.alarmType().strip());
		CameraView camera = valid.camera().view();
		long eventId = this.events.reportFromSource("VIDEO_AI",
				new EventIntake.Report(mapped == null ? this.properties.unmappedCategory() : mapped,
						"视频告警：" + camera.name() + " " + alarm.alarmType().strip(), description(alarm, valid),
						camera.lon(), camera.lat(), camera.address() == null ? camera.name() : camera.address(),
						fileIds),
				"video-ai:" + alarm.alarmId().strip(), mapped == null, actor);
		int inserted = this.jdbc.update("""
				insert into video_ai_alarm (alarm_id, camera_id, alarm_type, event_id, received_at)
				values (:alarm, :camera, :type, :event, :now) on conflict (alarm_id) do nothing""",
				new MapSqlParameterSource("alarm", alarm.alarmId().strip()).addValue("camera", camera.id())
					.addValue("type", alarm.alarmType().strip())
					.addValue("event", eventId)
					.addValue("now", java.sql.Timestamp.from(this.clock.instant())));
		this.audit.record(
				AuditRecord
					.success("VIDEO_AI_ALARM", "camera", camera.id(),
							"alarm " + alarm.alarmId().strip() + " " + alarm.alarmType().strip() + " → event "
									+ eventId)
					.by(actor.userId(), actor.username()));
		return new Outcome(eventId, inserted == 1);
	}

	private Optional<Long> eventOf(String alarmId) {
		if (alarmId == null || alarmId.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select event_id from video_ai_alarm where alarm_id = :alarm",
					new MapSqlParameterSource("alarm", alarmId.strip()), Long.class)
			.stream()
			.findFirst();
	}

	private Valid validate(AiAlarm alarm) {
		FieldErrors errors = new FieldErrors();
		required(errors, "alarmId", alarm.alarmId(), 100);
		required(errors, "alarmType", alarm.alarmType(), 50);
		if (alarm.description() != null && alarm.description().length() > 1000) {
			errors.add("description", "at most 1000 characters / 最多1000个字符");
		}
		if (alarm.snapshotUrl() != null && alarm.snapshotUrl().length() > 1000) {
			errors.add("snapshotUrl", "at most 1000 characters / 最多1000个字符");
		}
		if (alarm.confidence() != null && (alarm.confidence() < 0 || alarm.confidence() > 1)) {
			errors.add("confidence", "between 0 and 1 / 置信度须在0到1之间");
		}
		Instant occurredAt = null;
		if (alarm.occurredAt() == null || alarm.occurredAt().isBlank()) {
			errors.add("occurredAt", "required / 请提供告警时间");
		}
		else {
			try {
				occurredAt = OffsetDateTime.parse(alarm.occurredAt().strip()).toInstant();
			}
			catch (DateTimeParseException ex) {
				errors.add("occurredAt", "an ISO-8601 time with its offset / 时间格式须为 ISO-8601（含时区）");
			}
		}
		byte[] snapshot = null;
		if (alarm.snapshot() != null && !alarm.snapshot().isBlank()) {
			String encoded = alarm.snapshot()
				.strip()
				.replaceFirst("^data:image/jpeg;base64,", "")
				.replaceAll("\\s", "");
			try {
				snapshot = Base64.getDecoder().decode(encoded);
			}
			catch (IllegalArgumentException ex) {
				snapshot = null;
			}
			// checked here too, so that every bad field is named at once
			if (snapshot == null || snapshot.length < 3 || (snapshot[0] & 0xFF) != 0xFF
					|| (snapshot[1] & 0xFF) != 0xD8) {
				errors.add("snapshot", "base64 of a JPEG / 快照须为 base64 编码的 jpg 图片");
				snapshot = null;
			}
		}
		Located camera = null;
		FieldErrors device = new FieldErrors();
		DeviceIds.check(alarm.deviceId() == null ? null : alarm.deviceId().strip(), "deviceId", device);
		errors.addAll(device);
		if (device.isEmpty()) {
			camera = this.cameras.byDeviceId(alarm.deviceId().strip())
				.map(c -> new Located(c,
						this.jdbc.queryForObject("select region_path from video_camera where id = :id",
								new MapSqlParameterSource("id", c.id()), String.class)))
				.orElse(null);
			if (camera == null) {
				errors.add("deviceId", "no camera is registered with this id / 该国标编码的摄像机未登记");
			}
		}
		errors.throwIfAny();
		return new Valid(camera, snapshot, occurredAt);
	}

	private static String description(AiAlarm alarm, Valid valid) {
		StringBuilder text = new StringBuilder("视频智能识别告警（").append(alarm.alarmType().strip()).append("）");
		text.append("，摄像机 ")
			.append(valid.camera().view().name())
			.append("（")
			.append(valid.camera().view().deviceId())
			.append("）");
		text.append("，发生于 ").append(SHOWN.format(valid.occurredAt().atZone(SHANGHAI)));
		if (alarm.confidence() != null) {
			text.append("，置信度 ").append(Math.round(alarm.confidence() * 100)).append("%");
		}
		if (alarm.description() != null && !alarm.description().isBlank()) {
			text.append("。").append(alarm.description().strip());
		}
		if (alarm.snapshotUrl() != null && !alarm.snapshotUrl().isBlank()) {
			// the platform's own link, for a person to open; the server never fetches it
			text.append("。平台快照地址：").append(alarm.snapshotUrl().strip());
		}
		return text.toString();
	}

	private static void required(FieldErrors errors, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.add(field, "required / 必填");
		}
		else if (value.strip().length() > max) {
			errors.add(field, "at most " + max + " characters / 最多" + max + "个字符");
		}
	}

	private record Located(CameraView view, String gridPath) {
	}

	private record Valid(Located camera, byte[] snapshot, Instant occurredAt) {
	}

}
