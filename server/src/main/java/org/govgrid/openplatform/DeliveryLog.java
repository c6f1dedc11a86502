package org.govgrid.openplatform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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
 * The delivery log, newest first, with every attempt: the deliveries of the clients in
 * the admin's scope, filtered by client, webhook, status and event type.
 */
@Service
class DeliveryLog {

	static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "DEAD");

	private final NamedParameterJdbcTemplate jdbc;

	DeliveryLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** What to list; every part optional. */
	record Filter(Long clientId, Long webhookId, String status, String type) {
	}

	@Transactional(readOnly = true)
	PageResponse<DeliveryView> list(Filter filter, PageQuery paging, ScopedPrincipal caller) {
		FieldErrors errors = new FieldErrors();
		if (filter.status() != null && !filter.status().isBlank() && !STATUSES.contains(filter.status())) {
			errors.add("status", "one of PENDING, DELIVERED, DEAD / 状态无效");
		}
		if (filter.type() != null && !filter.type().isBlank() && WebhookType.of(filter.type()).isEmpty()) {
			errors.add("type", "one of " + String.join(", ", WebhookType.codes()) + " / 事件类型无效");
		}
		errors.throwIfAny();
		MapSqlParameterSource params = new MapSqlParameterSource();
		StringBuilder where = new StringBuilder(ScopeFilter.of(caller.scope(), "c.region_path").addTo(params));
		if (filter.clientId() != null) {
			where.append(" and c.id = :client");
			params.addValue("client", filter.clientId());
		}
		if (filter.webhookId() != null) {
			where.append(" and w.id = :webhook");
			params.addValue("webhook", filter.webhookId());
		}
		if (filter.status() != null && !filter.status().isBlank()) {
			where.append(" and d.status = :status");
			params.addValue("status", filter.status());
		}
		if (filter.type() != null && !filter.type().isBlank()) {
			where.append(" and d.event_type = :type");
			params.addValue("type", filter.type());
		}
		String from = " from open_webhook_delivery d join open_webhook w on w.id = d.webhook_id"
				+ " join open_api_client c on c.id = w.client_id where ";
		Pageable page = paging.toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*)" + from + where, params, Long.class);
		params.addValue("limit", page.getPageSize()).addValue("offset", page.getOffset());
		List<DeliveryView> items = this.jdbc.query(
				"select d.*, w.url, c.id as api_client_id, c.name as client_name" + from + where
						+ " order by d.created_at desc, d.id desc limit :limit offset :offset",
				params, DeliveryLog::row);
		Map<Long, List<DeliveryView.Attempt>> attempts = attemptsOf(items.stream().map(DeliveryView::id).toList());
		return new PageResponse<>(
				items.stream().map(d -> d.withAttempts(attempts.getOrDefault(d.id(), List.of()))).toList(),
				total == null ? 0 : total, page.getPageNumber() + 1, page.getPageSize());
	}

	private Map<Long, List<DeliveryView.Attempt>> attemptsOf(List<Long> deliveries) {
		if (deliveries.isEmpty()) {
			return Map.of();
		}
		record Row(long delivery, DeliveryView.Attempt attempt) {
		}
		return this.jdbc
			.query("select * from open_webhook_attempt where delivery_id in (:ids) order by delivery_id, attempt",
					new MapSqlParameterSource("ids", deliveries),
					(rs, n) -> new Row(rs.getLong("delivery_id"),
							new DeliveryView.Attempt(rs.getInt("attempt"), instant(rs.getTimestamp("started_at")),
									rs.getInt("duration_ms"), rs.getObject("status_code", Integer.class),
									rs.getString("error"), instant(rs.getTimestamp("next_attempt_at")))))
			.stream()
			.collect(Collectors.groupingBy(Row::delivery, Collectors.mapping(Row::attempt, Collectors.toList())));
	}

	private static DeliveryView row(ResultSet rs, int n) throws SQLException {
		return new DeliveryView(rs.getLong("id"), rs.getLong("webhook_id"), rs.getLong("api_client_id"),
				rs.getString("client_name"), rs.getString("url"), rs.getString("event_type"), rs.getString("status"),
				rs.getInt("attempts"), instant(rs.getTimestamp("occurred_at")),
				instant(rs.getTimestamp("next_attempt_at")), rs.getObject("last_status", Integer.class),
				rs.getString("last_error"), instant(rs.getTimestamp("delivered_at")),
				instant(rs.getTimestamp("created_at")), List.of());
	}

	private static java.time.Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
