package org.govgrid.hotline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.govgrid.hotline.model.AppealType;
import org.govgrid.hotline.model.Extension;
import org.govgrid.hotline.model.OrderStatus;
import org.govgrid.hotline.model.Satisfaction;
import org.govgrid.hotline.model.WorkingDays;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
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
 * Reads work orders within the caller's scope: the centre and leaders their town, a
 * department handler the area they serve; an order outside it is 404. Filters: status,
 * 诉求类型, overdue, the received date range (Asia/Shanghai), a keyword (number, title,
 * content, address), the event.
 */
@Service
@Transactional(readOnly = true)
class Orders {

	private static final String SELECT = """
			select o.*, e.code as event_code, e.status as event_status, g.name as grid_name,
			       (select count(*) from hotline_extension x where x.order_id = o.id and x.status = 'PENDING') as pending
			from hotline_order o join event e on e.id = o.event_id join region g on g.id = o.grid_id""";

	/** Still in work past the deadline, or replied after it. */
	private static final String OVERDUE = "(case when o.status in ('OPEN', 'REOPENED') then :now > o.deadline_at"
			+ " else o.replied_at > o.deadline_at end)";

	private final NamedParameterJdbcTemplate jdbc;

	private final WorkingCalendar calendar;

	private final Clock clock;

	Orders(NamedParameterJdbcTemplate jdbc, WorkingCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * {@code eventIds}: the orders of these events (the event list shows their numbers).
	 */
	record Filter(String status, String appealType, Boolean overdue, LocalDate from, LocalDate to, String keyword,
			List<Long> eventIds) {
	}

	OrderView view(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String where = " where o.id = :id and " + ScopeFilter.of(caller.scope(), "o.region_path").addTo(params);
		WorkingDays days = this.calendar.workingDays();
		OrderView order = this.jdbc.query(SELECT + where, params, (rs, n) -> row(rs, days))
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("hotline order", id));
		return order.withExtensions(extensions(id));
	}

	Optional<Long> idOf(String orderNumber) {
		return this.jdbc
			.queryForList("select id from hotline_order where order_number = :n", Map.of("n", orderNumber), Long.class)
			.stream()
			.findFirst();
	}

	PageResponse<OrderView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("now", Timestamp.from(this.clock.instant()));
		String where = where(filter, caller, params);
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from hotline_order o where " + where, params,
				Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		WorkingDays days = this.calendar.workingDays();
		List<OrderView> items = this.jdbc.query(
				SELECT + " where " + where + " order by o.received_at desc, o.id desc limit :limit offset :offset",
				params, (rs, n) -> row(rs, days));
		return new PageResponse<>(items, total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	List<ExtensionView> extensions(long orderId) {
		return this.jdbc.query("""
				select x.*, o.order_number from hotline_extension x join hotline_order o on o.id = x.order_id
				where x.order_id = :id order by x.id""", Map.of("id", orderId), Orders::extension);
	}

	/** The extension and the path of its order, whatever the scope (callers check it). */
	Optional<ExtensionView> extension(long id) {
		return this.jdbc.query("""
				select x.*, o.order_number from hotline_extension x join hotline_order o on o.id = x.order_id
				where x.id = :id""", Map.of("id", id), Orders::extension).stream().findFirst();
	}

	private String where(Filter filter, ScopedPrincipal caller, MapSqlParameterSource params) {
		FieldErrors errors = new FieldErrors();
		StringBuilder sql = new StringBuilder(ScopeFilter.of(caller.scope(), "o.region_path").addTo(params));
		if (filter.status() != null && !filter.status().isBlank()) {
			if (parse(OrderStatus.class, filter.status()) == null) {
				errors.add("status", "OPEN, REPLIED, RETURN_VISITED or REOPENED / 未知状态");
			}
			sql.append(" and o.status = :status");
			params.addValue("status", filter.status());
		}
		if (filter.appealType() != null && !filter.appealType().isBlank()) {
			if (parse(AppealType.class, filter.appealType()) == null) {
				errors.add("appealType", "COMPLAINT, HELP, CONSULT, SUGGESTION or REPORT / 未知诉求类型");
			}
			sql.append(" and o.appeal_type = :appealType");
			params.addValue("appealType", filter.appealType());
		}
		if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
			errors.add("to", "not before from / 结束日期不能早于开始日期");
		}
		errors.throwIfAny();
		if (filter.overdue() != null) {
			sql.append(filter.overdue() ? " and " : " and not ").append(OVERDUE);
		}
		if (filter.from() != null) {
			sql.append(" and o.received_at >= :from");
			params.addValue("from", Timestamp.from(filter.from().atStartOfDay(WorkingCalendar.ZONE).toInstant()));
		}
		if (filter.to() != null) {
			sql.append(" and o.received_at < :to");
			params.addValue("to",
					Timestamp.from(filter.to().plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant()));
		}
		if (filter.keyword() != null && !filter.keyword().isBlank()) {
			sql.append(
					" and (o.order_number ilike :q or o.title ilike :q or o.content ilike :q or o.address ilike :q)");
			params.addValue("q", "%" + filter.keyword().strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.eventIds() != null && !filter.eventIds().isEmpty()) {
			sql.append(" and o.event_id = any(:eventIds)");
			params.addValue("eventIds", filter.eventIds().toArray(Long[]::new));
		}
		return sql.toString();
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	private OrderView row(ResultSet rs, WorkingDays days) throws SQLException {
		Instant now = this.clock.instant();
		OrderStatus status = OrderStatus.valueOf(rs.getString("status"));
		AppealType appeal = AppealType.valueOf(rs.getString("appeal_type"));
		String satisfaction = rs.getString("satisfaction");
		LocalDate deadline = rs.getObject("deadline_date", LocalDate.class);
		Instant deadlineAt = instant(rs, "deadline_at");
		Instant repliedAt = instant(rs, "replied_at");
		boolean overdue = status.inWork() ? now.isAfter(deadlineAt)
				: repliedAt != null && repliedAt.isAfter(deadlineAt);
		LocalDate today = LocalDate.ofInstant(now, WorkingCalendar.ZONE);
		int left = !status.inWork() ? 0
				: deadline.isBefore(today) ? -days.between(deadline, today) : days.between(today, deadline);
		return new OrderView(rs.getLong("id"), rs.getString("order_number"), appeal.name(), appeal.label(),
				rs.getString("title"), rs.getString("content"), rs.getString("caller_name"),
				rs.getString("caller_phone"), rs.getString("address"), rs.getObject("lon", Double.class),
				rs.getObject("lat", Double.class), rs.getString("category_code"), instant(rs, "received_at"),
				rs.getInt("time_limit_days"), deadline, deadlineAt, overdue, left, status.name(), status.label(),
				rs.getString("reply"), repliedAt, satisfaction,
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction).label(), rs.getString("visit_note"),
				instant(rs, "visited_at"), rs.getInt("reopen_count"), rs.getLong("event_id"),
				rs.getString("event_code"), rs.getString("event_status"), rs.getLong("grid_id"),
				rs.getString("grid_name"), rs.getInt("pending"), rs.getInt("version"), instant(rs, "created_at"),
				List.of());
	}

	private static ExtensionView extension(ResultSet rs, int n) throws SQLException {
		Extension.Status status = Extension.Status.valueOf(rs.getString("status"));
		return new ExtensionView(rs.getLong("id"), rs.getLong("order_id"), rs.getString("order_number"),
				rs.getInt("days"), rs.getString("reason"), status.name(), status.label(), rs.getLong("requested_by"),
				rs.getString("requested_by_name"), instant(rs, "requested_at"), rs.getObject("decided_by", Long.class),
				rs.getString("decided_by_name"), instant(rs, "decided_at"), rs.getString("decision_note"),
				rs.getObject("deadline_before", LocalDate.class), rs.getObject("deadline_after", LocalDate.class));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

}
