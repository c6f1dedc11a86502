package org.govgrid.warning;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.EventCatalog;
import org.govgrid.event.EventLookup;
import org.govgrid.event.LinkedReports;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.warning.model.Alert;
import org.govgrid.warning.model.AlertLevel;
import org.govgrid.warning.model.AlertStatus;
import org.govgrid.warning.model.RuleKind;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts (预警) in the caller's area: an alert is visible when its region lies in the
 * caller's scope (a grid chief sees the alerts of the grids of their community and of the
 * community itself, the centre and leaders those of their town); anything else is 404.
 * The centre acknowledges, dismisses (with a reason) or converts an open alert into one
 * event linked to its evidence; the sweep clears it when its condition has passed.
 */
@Service
class Alerts {

	private static final String SELECT = """
			select a.*, r.name as rule_name, r.kind as rule_kind, r.category_code as rule_category, g.name as region_name,
			       (select count(*) from warning_evidence ev where ev.alert_id = a.id) as event_count,
			       ack.display_name as acknowledged_by_name, cl.display_name as closed_by_name
			from warning_alert a
			join warning_rule r on r.id = a.rule_id
			join region g on g.id = a.region_id
			left join app_user ack on ack.id = a.acknowledged_by
			left join app_user cl on cl.id = a.closed_by""";

	private final NamedParameterJdbcTemplate jdbc;

	private final RegionService regions;

	private final EventLookup events;

	private final LinkedReports linkedReports;

	private final EventCatalog catalog;

	private final AuditTrail audit;

	private final Clock clock;

	private final SignalSweep signals;

	Alerts(NamedParameterJdbcTemplate jdbc, RegionService regions, EventLookup events, LinkedReports linkedReports,
			EventCatalog catalog, AuditTrail audit, Clock clock, SignalSweep signals) {
		this.signals = signals;
		this.jdbc = jdbc;
		this.regions = regions;
		this.events = events;
		this.linkedReports = linkedReports;
		this.catalog = catalog;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Newest activity first. {@code regionId}: an area inside the caller's (else 404).
	 */
	@Transactional(readOnly = true)
	PageResponse<AlertView> list(String status, String level, Long regionId, PageQuery paging, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		List<String> statuses = codes(status, AlertStatus.class, "status", errors);
		List<String> levels = codes(level, AlertLevel.class, "level", errors);
		Pageable page = paging.toPageable(Sort.unsorted());
		errors.throwIfAny();
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(" where ").append(inScope(caller, params));
		if (regionId != null) {
			RegionSummary area = this.regions.find(regionId)
				.filter(r -> caller.scope().covers(r.path()))
				.orElseThrow(() -> new NotFoundException("region", regionId));
			where.append(" and ").append(ScopeFilter.at(area.path(), "a.region_path", "area").addTo(params));
		}
		if (!statuses.isEmpty()) {
			where.append(" and a.status in (:statuses)");
			params.addValue("statuses", statuses);
		}
		if (!levels.isEmpty()) {
			where.append(" and a.level in (:levels)");
			params.addValue("levels", levels);
		}
		Long total = this.jdbc.queryForObject("select count(*) from warning_alert a" + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		Map<String, EventCatalog.CategoryName> categories = this.catalog.categories();
		List<AlertView> items = this.jdbc.query(
				SELECT + where + " order by a.last_seen desc, a.id desc limit :limit offset :offset", params,
				(rs, n) -> view(rs, List.of(), caller, categories));
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	@Transactional(readOnly = true)
	AlertView get(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		List<Evidence> evidence = this.jdbc.query("""
				select event_id, event_code, reported_at from warning_evidence where alert_id = :id
				order by reported_at, event_id""", params, (rs, n) -> new Evidence(rs.getLong("event_id"),
				rs.getString("event_code"), rs.getTimestamp("reported_at").toInstant()));
		return this.jdbc
			.query(SELECT + " where a.id = :id and " + inScope(caller, params), params,
					(rs, n) -> view(rs, evidence, caller, this.catalog.categories()))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("alert", id));
	}

	@Transactional
	AlertView acknowledge(long id, ScopedPrincipal caller) {
		Alert alert = lock(id, caller);
		alert.acknowledge();
		this.jdbc.update("""
				update warning_alert set status = :status, acknowledged_by = :me, acknowledged_at = :now,
				    version = version + 1 where id = :id""", change(id, alert, caller));
		this.audit.record(AuditRecord.success("WARNING_ALERT_ACKNOWLEDGE", "warning_alert", id, null));
		return get(id, caller);
	}

	@Transactional
	AlertView dismiss(long id, String reason, ScopedPrincipal caller) {
		Alert alert = lock(id, caller);
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			new FieldErrors().add("reason", "required, at most 500 characters / 请填写忽略原因（最多500字）").throwIfAny();
		}
		alert.dismiss(reason);
		this.jdbc.update("""
				update warning_alert set status = :status, closed_by = :me, closed_at = :now, dismiss_reason = :reason,
				    version = version + 1 where id = :id""",
				change(id, alert, caller).addValue("reason", alert.dismissReason()));
		this.audit.record(AuditRecord.success("WARNING_ALERT_DISMISS", "warning_alert", id, null));
		return get(id, caller);
	}

	/**
	 * Raises one event at the centre (the alert's category, at its region's centre point,
	 * naming the evidence) linked to every evidence event, in the same transaction as the
	 * alert's move: a second convert waits on the row and then gets 409.
	 */
	@Transactional
	AlertView convert(long id, ScopedPrincipal caller) {
		Alert alert = lock(id, caller);
		alert.checkConvertible();
		AlertView before = get(id, caller);
		if (RuleKind.valueOf(before.kind()).signal()) {
			return convertSignal(id, alert, before, caller);
		}
		List<EventLookup.Match> evidence = this.events
			.findAll(before.evidence().stream().map(Evidence::eventId).toList());
		RegionSummary region = this.regions.find(before.regionId()).orElseThrow();
		// a hotspot's alert is placed at its cluster's centre, the others at their
		// region's
		double[] point = before.lon() != null && before.lat() != null ? new double[] { before.lon(), before.lat() }
				: this.regions.centre(region.id()).orElse(new double[] { 0, 0 });
		String codes = before.evidence().stream().map(Evidence::code).collect(Collectors.joining("、"));
		String description = "由预警“" + before.ruleName() + "”转为事件（" + before.regionName() + "，" + before.keyLabel() + "，"
				+ before.evidence().size() + "起）。关联事件：" + codes;
		if (description.length() > 2000) {
			description = description.substring(0, 1999) + "…";
		}
		String address = RuleKind.REPEAT_ADDRESS.name().equals(before.kind())
				? mostCommon(evidence, EventLookup.Match::address, region.name()) : region.name();
		long eventId = this.linkedReports.raise(
				new LinkedReports.Report(category(before.key(), evidence),
						clip("研判预警：" + before.regionName() + " " + before.keyLabel(), 200), description, point[0],
						point[1], clip(address, 300), region.level() == RegionLevel.GRID ? region.id() : null),
				new LinkedHashSet<>(before.evidence().stream().map(Evidence::eventId).toList()), "warning-alert-" + id,
				caller);
		alert.convert(eventId);
		this.jdbc.update("""
				update warning_alert set status = :status, closed_by = :me, closed_at = :now,
				    converted_event_id = :event, converted_event_code = :code, version = version + 1 where id = :id""",
				change(id, alert, caller).addValue("event", eventId)
					.addValue("code", this.events.find(eventId).map(EventLookup.Match::code).orElse(null)));
		this.audit.record(AuditRecord.success("WARNING_ALERT_CONVERT", "warning_alert", id, "event " + eventId));
		return get(id, caller);
	}

	/**
	 * A signal alert has no evidence: its event is placed at the subject (or the region's
	 * centre) and takes the rule's 小类, or the one its source names.
	 */
	private AlertView convertSignal(long id, Alert alert, AlertView before, ScopedPrincipal caller) {
		RuleKind kind = RuleKind.valueOf(before.kind());
		String category = before.ruleCategoryCode() != null ? before.ruleCategoryCode()
				: this.signals.source(kind).map(SignalSource::categoryCode).orElse(null);
		RegionSummary region = this.regions.find(before.regionId()).orElseThrow();
		double[] point = before.lon() != null && before.lat() != null ? new double[] { before.lon(), before.lat() }
				: this.regions.centre(region.id()).orElse(new double[] { 0, 0 });
		String description = clip("由预警“" + before.ruleName() + "”转为事件（" + before.regionName() + "）：" + before.detail(),
				2000);
		long eventId = this.linkedReports.raise(
				new LinkedReports.Report(category, clip("研判预警：" + before.regionName() + " " + kind.label(), 200),
						description, point[0], point[1], clip(region.name(), 300),
						region.level() == RegionLevel.GRID ? region.id() : null),
				new LinkedHashSet<>(), "warning-alert-" + id, caller);
		alert.convert(eventId);
		this.jdbc.update("""
				update warning_alert set status = :status, closed_by = :me, closed_at = :now,
				    converted_event_id = :event, converted_event_code = :code, version = version + 1 where id = :id""",
				change(id, alert, caller).addValue("event", eventId)
					.addValue("code", this.events.find(eventId).map(EventLookup.Match::code).orElse(null)));
		this.audit.record(AuditRecord.success("WARNING_ALERT_CONVERT", "warning_alert", id, "event " + eventId));
		return get(id, caller);
	}

	/**
	 * The alert's 小类 when its key is one; else the most frequent 小类 of its evidence.
	 */
	private String category(String key, List<EventLookup.Match> evidence) {
		if (evidence.stream().anyMatch(e -> e.categoryCode().equals(key))) {
			return key;
		}
		return mostCommon(evidence, EventLookup.Match::categoryCode, null);
	}

	private static String mostCommon(List<EventLookup.Match> evidence, Function<EventLookup.Match, String> value,
			String fallback) {
		Map<String, Long> counts = new HashMap<>();
		evidence.forEach(e -> counts.merge(value.apply(e), 1L, Long::sum));
		return counts.entrySet()
			.stream()
			.max(Map.Entry.<String, Long>comparingByValue()
				.thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
			.map(Map.Entry::getKey)
			.orElse(fallback);
	}

	private static String clip(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	/** Locks the alert row (visible to the caller) and restores its lifecycle. */
	private Alert lock(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc
			.query("select a.status from warning_alert a where a.id = :id and " + inScope(caller, params)
					+ " for update", params, (rs, n) -> Alert.restore(AlertStatus.valueOf(rs.getString("status"))))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("alert", id));
	}

	private MapSqlParameterSource change(long id, Alert alert, ScopedPrincipal caller) {
		return new MapSqlParameterSource("id", id).addValue("status", alert.status().name())
			.addValue("me", caller.userId())
			.addValue("now", Timestamp.from(this.clock.instant()));
	}

	private static String inScope(ScopedPrincipal caller, MapSqlParameterSource params) {
		return ScopeFilter.of(caller.scope(), "a.region_path").addTo(params);
	}

	private static <E extends Enum<E>> List<String> codes(String value, Class<E> type, String field,
			FieldErrors errors) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		Set<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
			.map(Enum::name)
			.collect(Collectors.toSet());
		List<String> codes = java.util.Arrays.stream(value.split(",")).map(String::strip).toList();
		if (!allowed.containsAll(codes)) {
			errors.add(field, "one or more of " + allowed + " / 取值无效");
		}
		return codes;
	}

	private AlertView view(ResultSet rs, List<Evidence> evidence, ScopedPrincipal caller,
			Map<String, EventCatalog.CategoryName> categories) throws SQLException {
		AlertStatus status = AlertStatus.valueOf(rs.getString("status"));
		String key = rs.getString("alert_key");
		String detail = rs.getString("detail");
		return new AlertView(rs.getLong("id"), rs.getLong("rule_id"), rs.getString("rule_name"),
				rs.getString("rule_kind"), rs.getString("level"), rs.getLong("region_id"), rs.getString("region_name"),
				key, detail != null ? detail : Evaluator.keyLabel(key, categories), status.name(),
				instant(rs, "first_seen"), instant(rs, "last_seen"), rs.getInt("event_count"), evidence,
				instant(rs, "acknowledged_at"), rs.getString("acknowledged_by_name"), instant(rs, "closed_at"),
				rs.getString("closed_by_name"), rs.getString("dismiss_reason"),
				rs.getObject("converted_event_id", Long.class), rs.getString("converted_event_code"),
				caller.can(WarningNotices.HANDLE) ? Alert.restore(status).allowedActions() : List.of(),
				status == AlertStatus.CLEARED, rs.getString("rule_kind"), detail, number(rs, "measured"),
				number(rs, "limit_value"), rs.getObject("lon", Double.class), rs.getObject("lat", Double.class),
				rs.getString("rule_category"));
	}

	private static Double number(ResultSet rs, String column) throws SQLException {
		java.math.BigDecimal value = rs.getBigDecimal(column);
		return value == null ? null : value.doubleValue();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	/** One event behind an alert. */
	record Evidence(long eventId, String code, Instant reportedAt) {
	}

	/**
	 * An alert; {@code evidence} is filled in the detail only ({@code eventCount}
	 * always). {@code closedBySystem}: the sweep cleared it (CLEARED, at
	 * {@code closedAt}, no {@code closedByName}). {@code ruleKind} is {@code kind} under
	 * the name other systems read; a signal alert has no evidence but a {@code detail},
	 * the measured {@code value}, the {@code limit} it crossed and the subject's place.
	 */
	record AlertView(long id, long ruleId, String ruleName, String kind, String level, long regionId, String regionName,
			String key, String keyLabel, String status, Instant firstSeenAt, Instant lastSeenAt, int eventCount,
			List<Evidence> evidence, Instant acknowledgedAt, String acknowledgedByName, Instant closedAt,
			String closedByName, String dismissReason, Long convertedEventId, String convertedEventCode,
			List<String> allowedActions, boolean closedBySystem, String ruleKind, String detail, Double value,
			Double limit, Double lon, Double lat, String ruleCategoryCode) {
	}

}
