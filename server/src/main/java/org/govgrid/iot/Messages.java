package org.govgrid.iot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.govgrid.iot.model.DeviceState;
import org.govgrid.iot.model.IllegalDeviceTransitionException;
import org.govgrid.iot.model.MessageType;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Takes a device's message in, from HTTP or MQTT alike: checks it whole (every bad field
 * named, nothing written), stores it in the message log and moves the device (last seen,
 * battery, state) in one transaction, then turns an alarm into its event. A redelivered
 * message (same device, time, type and alarm kind: MQTT QoS 1 is at least once) is
 * recognised and changes nothing.
 */
@Service
class Messages {

	/** How far a device's clock may run ahead of ours. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

	/** How old a message may be (a device buffering while offline sends it later). */
	static final Duration MAX_AGE = Duration.ofDays(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Devices devices;

	private final MessageLog log;

	private final Alarms alarms;

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Messages(Devices devices, MessageLog log, Alarms alarms, NamedParameterJdbcTemplate jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.devices = devices;
		this.log = log;
		this.alarms = alarms;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	enum Channel {

		HTTP, MQTT

	}

	/** What a message did: the device's state after it, and the alarm's event if any. */
	record Outcome(long deviceId, String state, boolean duplicate, Long eventId, boolean eventCreated) {
	}

	/**
	 * {@code topicCode}: the device code of the MQTT topic (the body's, if it names one,
	 * must agree); {@code user}: the signed-in caller posting for a device (it must lie
	 * in their scope), or null for a device's own signed message.
	 */
	Outcome receive(byte[] raw, Channel channel, String topicCode, ScopedPrincipal user) {
		Valid valid = validate(raw, topicCode, user);
		Outcome stored = this.transactions.execute(status -> store(valid, channel));
		if (stored.duplicate()) {
			return stored;
		}
		return switch (valid.type()) {
			case ALARM -> {
				Alarms.Raised raised = this.alarms.raise(valid.device(), valid.alarmKind(), valid.at(),
						valid.payload().toString());
				yield new Outcome(stored.deviceId(), stored.state(), false, raised.eventId(), raised.created());
			}
			case ALARM_CLEARED -> new Outcome(stored.deviceId(), stored.state(), false,
					this.alarms.clear(valid.device(), valid.alarmKind(), valid.at()), false);
			case TELEMETRY -> stored;
		};
	}

	private Outcome store(Valid valid, Channel channel) {
		long deviceId = valid.device().view().id();
		// the device's row first: its messages are taken one at a time
		String current = this.jdbc.queryForObject("select state from iot_device where id = :id for update",
				new MapSqlParameterSource("id", deviceId), String.class);
		boolean fresh = this.log.insert(deviceId, valid.at(), valid.type(), valid.alarmKind(), channel.name(),
				valid.payload().toString(), this.clock.instant());
		if (!fresh) {
			return new Outcome(deviceId, current, true, null, false);
		}
		DeviceState next;
		try {
			next = valid.type().apply(DeviceState.valueOf(current));
		}
		catch (IllegalDeviceTransitionException ex) {
			// disabled between the check and the lock
			throw new InvalidInputException("deviceCode", "the device is disabled / 设备已停用");
		}
		JsonNode battery = valid.payload().path("battery");
		this.jdbc.update("""
				update iot_device set state = :state, last_seen_at = greatest(last_seen_at, :at),
				    battery = coalesce(:battery, battery)
				where id = :id""",
				new MapSqlParameterSource("id", deviceId).addValue("state", next.name())
					.addValue("at", Timestamp.from(valid.at()))
					.addValue("battery", battery.isNumber() ? Integer.valueOf(battery.asInt()) : null));
		return new Outcome(deviceId, next.name(), false, null, false);
	}

	private Valid validate(byte[] raw, String topicCode, ScopedPrincipal user) {
		JsonNode body;
		try {
			body = JSON.readTree(raw);
		}
		catch (JacksonException ex) {
			throw new InvalidInputException("body", "a JSON message object / 消息须为 JSON 对象");
		}
		if (body == null || !body.isObject()) {
			throw new InvalidInputException("body", "a JSON message object / 消息须为 JSON 对象");
		}
		FieldErrors errors = new FieldErrors();
		String code = text(body, "deviceCode");
		if (topicCode != null) {
			if (code != null && !code.equals(topicCode)) {
				errors.add("deviceCode", "differs from the topic's device / 与主题中的设备编码不一致");
			}
			code = topicCode;
		}
		MessageType type = MessageType.of(text(body, "type")).orElse(null);
		if (type == null) {
			errors.add("type", "TELEMETRY, ALARM or ALARM_CLEARED / 消息类型须为遥测、告警或告警解除");
		}
		String alarmKind = text(body, "alarmKind");
		if (type != null && type != MessageType.TELEMETRY && alarmKind == null) {
			errors.add("alarmKind", "required for an alarm / 告警须注明告警类型");
		}
		else if (alarmKind != null && alarmKind.length() > 50) {
			errors.add("alarmKind", "at most 50 characters / 最多50个字符");
		}
		Instant at = time(text(body, "time"), errors);
		JsonNode payload = body.path("payload");
		if (payload.isMissingNode() || payload.isNull()) {
			payload = JSON.createObjectNode();
		}
		else if (!payload.isObject()) {
			errors.add("payload", "a JSON object / 设备数据须为 JSON 对象");
		}
		else if (payload.toString().length() > 4000) {
			errors.add("payload", "at most 4000 characters of JSON / 设备数据过大");
		}
		JsonNode battery = payload.path("battery");
		if (!battery.isMissingNode() && !battery.isNull()
				&& (!battery.isNumber() || battery.asDouble() < 0 || battery.asDouble() > 100)) {
			errors.add("payload.battery", "a percentage 0–100 / 电量须为0–100");
		}
		Devices.Stored device = null;
		if (code == null) {
			errors.add("deviceCode", "required / 必填");
		}
		else {
			device = this.devices.byCode(code).orElse(null);
			if (device == null) {
				errors.add("deviceCode", "no device is registered with this code / 该编码的设备未登记");
			}
			else if (user != null && !user.scope().covers(device.regionPath())) {
				errors.add("deviceCode", "no device with this code in your area / 您的辖区内没有该编码的设备");
				device = null;
			}
			else if (DeviceState.DISABLED.name().equals(device.view().state())) {
				errors.add("deviceCode", "the device is disabled / 设备已停用");
			}
		}
		errors.throwIfAny();
		return new Valid(device, type, alarmKind == null ? "" : alarmKind, at, payload);
	}

	private Instant time(String value, FieldErrors errors) {
		if (value == null) {
			errors.add("time", "required / 请提供消息时间");
			return null;
		}
		Instant at;
		try {
			at = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add("time", "an ISO-8601 time with its offset / 时间格式须为 ISO-8601（含时区）");
			return null;
		}
		Instant now = this.clock.instant();
		if (at.isAfter(now.plus(CLOCK_SKEW))) {
			errors.add("time", "in the future / 消息时间晚于当前时间");
		}
		else if (at.isBefore(now.minus(MAX_AGE))) {
			errors.add("time", "older than 30 days / 消息时间早于30天前");
		}
		return at;
	}

	private static String text(JsonNode body, String field) {
		JsonNode node = body.path(field);
		if (!node.isString() || node.asString().isBlank()) {
			return null;
		}
		return node.asString().strip();
	}

	private record Valid(Devices.Stored device, MessageType type, String alarmKind, Instant at, JsonNode payload) {
	}

}
