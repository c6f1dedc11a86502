package org.govgrid.event;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.govgrid.event.EventQueries.EventFilter;
import org.govgrid.exchange.Column;
import org.govgrid.exchange.SheetKind;
import org.govgrid.exchange.SheetRow;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * 事件台账: the event list as exchange's export kind {@code events}, with the list's own
 * filters ({@code status} (comma-separated), {@code categoryCode}, {@code level},
 * {@code source}, {@code regionId}, {@code from}, {@code to}, {@code flag},
 * {@code overdue}, {@code keyword}, {@code mine}) and scope, in the columns a town sends
 * upward each month. Export only: the ledger is not imported.
 */
@Component
class EventLedgerSheet implements SheetKind {

	static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

	static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(LOCAL);

	private static final Column CODE = text("事件编号", "code");

	private static final List<Column> COLUMNS = List.of(CODE, text("标题", "title"), text("来源", "source"),
			text("12345工单号", "hotlineOrderNumber"), text("大类", "mainCategory"), text("小类", "subCategory"),
			text("所属网格", "grid"), text("所属社区", "community"), text("所属街道", "town"), text("地址", "address"),
			text("上报人", "reporter"), text("上报时间", "reportedAt"), text("处置单位", "unit"), text("处置人", "assignee"),
			text("状态", "status"), text("处置时限", "deadline"), text("是否超期", "overdue"), text("办结时间", "closedAt"),
			text("满意度", "score"), text("评价", "evaluation"), text("处置结果", "result"));

	private final NamedParameterJdbcTemplate jdbc;

	private final EventQueries queries;

	private final LedgerRows rows;

	EventLedgerSheet(NamedParameterJdbcTemplate jdbc, EventQueries queries, LedgerRows rows) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.rows = rows;
	}

	private static Column text(String header, String field) {
		return Column.text(header, field, false, null);
	}

	@Override
	public String kind() {
		return "events";
	}

	@Override
	public String title() {
		return "事件台账";
	}

	@Override
	public String readPermission() {
		return "event:case:read";
	}

	@Override
	public String writePermission() {
		return "event:case:read";
	}

	@Override
	public String exportPermission() {
		return "event:export";
	}

	@Override
	public String exportAuditAction() {
		return "EVENT_EXPORT";
	}

	@Override
	public boolean importable() {
		return false;
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public Column key() {
		return CODE;
	}

	@Override
	public boolean save(SheetRow row, ScopedPrincipal caller) {
		throw new UnsupportedOperationException("the event ledger is export only");
	}

	@Override
	@Transactional(readOnly = true)
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		Long count = this.jdbc.queryForObject("select count(*) from event e where " + where(filters, caller, params),
				params, Long.class);
		return count == null ? 0 : count;
	}

	/** Newest first, as the list shows them (its default sort). */
	@Override
	@Transactional(readOnly = true)
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> cells) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		this.rows.stream(where(filters, caller, params), params, cells);
	}

	private String where(Map<String, String> filters, ScopedPrincipal caller, MapSqlParameterSource params) {
		FieldErrors errors = new FieldErrors();
		String status = filters.get("status");
		EventFilter filter = new EventFilter(
				status == null || status.isBlank() ? null : List.of(status.split("\\s*,\\s*")),
				filters.get("categoryCode"), filters.get("level"), filters.get("source"),
				number(filters, "regionId", errors), instant(filters, "from", errors), instant(filters, "to", errors),
				filters.get("flag"), flag(filters, "overdue", errors), filters.get("keyword"),
				flag(filters, "mine", errors));
		String where = this.queries.where(filter, caller, params, errors);
		errors.throwIfAny();
		return where;
	}

	private static Long number(Map<String, String> filters, String name, FieldErrors errors) {
		String value = filters.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(name, "has the wrong type / 类型不正确");
			return null;
		}
	}

	private static Instant instant(Map<String, String> filters, String name, FieldErrors errors) {
		String value = filters.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return java.time.OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(name, "an ISO-8601 date-time such as 2026-12-01T00:00:00+08:00 / 时间格式无效");
			return null;
		}
	}

	private static Boolean flag(Map<String, String> filters, String name, FieldErrors errors) {
		String value = filters.get(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> {
				errors.add(name, "true or false / 应为 true 或 false");
				yield null;
			}
		};
	}

}
