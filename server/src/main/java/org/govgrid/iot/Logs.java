package org.govgrid.iot;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govgrid.event.EventLookup;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the devices said: one device's message log (newest first) and the alarm list of
 * the caller's area (each episode with its event), both within the caller's scope.
 */
@Service
@Transactional(readOnly = true)
class Logs {

	private final NamedParameterJdbcTemplate jdbc;

	private final Devices devices;

	private final DevicePlaces places;

	private final EventLookup events;

	Logs(NamedParameterJdbcTemplate jdbc, Devices devices, org.govgrid.region.RegionService regions,
			org.govgrid.identity.Directory directory, EventLookup events) {
		this.jdbc = jdbc;
		this.devices = devices;
		this.places = new DevicePlaces(regions, directory);
		this.events = events;
	}

	record MessageView(Instant at, String type, String alarmKind, String channel, Instant receivedAt, String payload) {
	}

	record AlarmView(long deviceId, String deviceCode, String deviceName, String kind, String kindName, long gridId,
			String gridName, double lon, double lat, String alarmKind, int episode, long eventId, String eventCode,
			String eventStatus, Instant raisedAt, int repeats, Instant clearedAt) {
	}

	/** The device's messages (404 outside the caller's scope), newest first. */
	PageResponse<MessageView> messages(long deviceId, String type, PageQuery paging, ScopedPrincipal caller) {
		this.devices.view(deviceId, caller);
		MapSqlParameterSource params = new MapSqlParameterSource("device", deviceId);
		String where = "device_id = :device";
		if (type != null && !type.isBlank()) {
			if (org.govgrid.iot.model.MessageType.of(type).isEmpty()) {
				new FieldErrors().add("type", "TELEMETRY, ALARM or ALARM_CLEARED / 消息类型无效").throwIfAny();
			}
			where += " and type = :type";
			params.addValue("type", type.strip());
		}
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from iot_message where " + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<MessageView> items = this.jdbc.query(
				"select * from iot_message where " + where + " order by at desc, type limit :limit offset :offset",
				params,
				(rs, n) -> new MessageView(instant(rs.getTimestamp("at")), rs.getString("type"),
						rs.getString("alarm_kind").isEmpty() ? null : rs.getString("alarm_kind"),
						rs.getString("channel"), instant(rs.getTimestamp("received_at")), rs.getString("payload")));
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	/** Alarm episodes of the area (a region the caller sees, else 404), newest first. */
	PageResponse<AlarmView> alarms(Long regionId, Boolean open, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = ScopeFilter.of(this.places.area(regionId, caller), "d.region_path").addTo(params);
		if (open != null) {
			where += open ? " and a.cleared_at is null" : " and a.cleared_at is not null";
		}
		String from = """
				from iot_alarm a join iot_device d on d.id = a.device_id join region g on g.id = d.grid_id
				join iot_device_kind k on k.kind = d.kind where """;
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*)" + from + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<AlarmView> rows = this.jdbc.query("""
				select a.*, d.code, d.name, d.kind, k.name as kind_name, d.grid_id, g.name as grid_name, d.lon, d.lat
				""" + from + where + " order by a.raised_at desc, a.device_id limit :limit offset :offset", params,
				(rs, n) -> new AlarmView(rs.getLong("device_id"), rs.getString("code"), rs.getString("name"),
						rs.getString("kind"), rs.getString("kind_name"), rs.getLong("grid_id"),
						rs.getString("grid_name"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("alarm_kind"),
						rs.getInt("episode"), rs.getLong("event_id"), null, null, instant(rs.getTimestamp("raised_at")),
						rs.getInt("repeats"), instant(rs.getTimestamp("cleared_at"))));
		Map<Long, EventLookup.Match> events = this.events.findAll(rows.stream().map(AlarmView::eventId).toList())
			.stream()
			.collect(Collectors.toMap(EventLookup.Match::id, Function.identity()));
		List<AlarmView> items = rows.stream().map(a -> {
			EventLookup.Match e = events.get(a.eventId());
			return e == null ? a
					: new AlarmView(a.deviceId(), a.deviceCode(), a.deviceName(), a.kind(), a.kindName(), a.gridId(),
							a.gridName(), a.lon(), a.lat(), a.alarmKind(), a.episode(), a.eventId(), e.code(),
							e.status(), a.raisedAt(), a.repeats(), a.clearedAt());
		}).toList();
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	private static Instant instant(Timestamp value) {
		return value == null ? null : value.toInstant();
	}

}
