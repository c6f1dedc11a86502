package org.govgrid.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.govgrid.event.EventSupervised;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.supervision.model.SupervisionItem;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Supervision items, their responses and reminders in plain SQL. Who sees an item: its
 * event lies in the caller's scope, and a department handler sees only the items held to
 * their department.
 */
@Repository
class SupervisionStore {

	static final String SELECT = "select s.* from supervision_item s";

	private final NamedParameterJdbcTemplate jdbc;

	SupervisionStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** One item per supervise step: a second delivery of the same step adds nothing. */
	void insert(EventSupervised step) {
		this.jdbc.update("""
				insert into supervision_item (flow_id, event_id, event_code, event_title, level, deadline, unit_kind,
				    unit_id, town_id, region_path, supervisor_id, supervisor_name, comment, state, created_at)
				values (:flow, :event, :code, :title, :level, :deadline, :unitKind, :unitId, :town, :path,
				    :supervisor, :supervisorName, :comment, 'OPEN', :at)
				on conflict (flow_id) do nothing""",
				new MapSqlParameterSource("flow", step.flowId()).addValue("event", step.eventId())
					.addValue("code", step.code())
					.addValue("title", step.title())
					.addValue("level", step.level().name())
					.addValue("deadline", Timestamp.from(step.deadline()))
					.addValue("unitKind", step.unitKind())
					.addValue("unitId", step.unitId())
					.addValue("town", step.townId())
					.addValue("path", step.regionPath())
					.addValue("supervisor", step.supervisorId())
					.addValue("supervisorName", step.supervisorName())
					.addValue("comment", step.comment())
					.addValue("at", Timestamp.from(step.at())));
	}

	Optional<Long> idOfFlow(long flowId) {
		return this.jdbc
			.queryForList("select id from supervision_item where flow_id = :flow",
					new MapSqlParameterSource("flow", flowId), Long.class)
			.stream()
			.findFirst();
	}

	/** The item if the caller sees it. */
	Optional<StoredItem> visible(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		return this.jdbc
			.query(SELECT + " where s.id = :id and " + visibleTo(caller, caller.scope(), params), params,
					StoredItem::row)
			.stream()
			.findFirst();
	}

	/** A SQL condition on {@code s} for the caller's items within {@code area}. */
	static String visibleTo(ScopedPrincipal caller, DataScope area, MapSqlParameterSource params) {
		StringBuilder sql = new StringBuilder("true");
		if (!area.path().isEmpty()) {
			sql.append(" and ").append(ScopeFilter.of(area, "s.region_path").addTo(params));
		}
		if (caller.departmentId() != null) {
			sql.append(" and s.unit_kind = 'DEPARTMENT' and s.unit_id = :department");
			params.addValue("department", caller.departmentId());
		}
		return sql.toString();
	}

	/**
	 * Stores the lifecycle's new state under the row version (409 if someone was first).
	 */
	void update(StoredItem before, SupervisionItem after, Long closedBy, String closeComment) {
		int updated = this.jdbc.update("""
				update supervision_item set state = :state, answered_at = :answered, closed_at = :closed,
				    closed_by = coalesce(:closedBy, closed_by), close_comment = coalesce(:closeComment, close_comment),
				    overdue_at = :overdue, version = version + 1
				where id = :id and version = :version""",
				new MapSqlParameterSource("state", after.state().name()).addValue("answered", ts(after.answeredAt()))
					.addValue("closed", ts(after.closedAt()))
					.addValue("closedBy", closedBy)
					.addValue("closeComment", closeComment)
					.addValue("overdue", ts(after.overdueAt()))
					.addValue("id", before.id())
					.addValue("version", before.version()));
		if (updated != 1) {
			throw new ConflictException("changed by someone else; reload / 督办事项已被他人处理，请刷新");
		}
	}

	long addResponse(long itemId, ScopedPrincipal by, String content, List<Long> fileIds, Instant at) {
		return this.jdbc.queryForObject("""
				insert into supervision_response (item_id, responder_id, responder_name, content, file_ids, at)
				values (:item, :by, :name, :content, cast(:files as bigint[]), :at) returning id""",
				new MapSqlParameterSource("item", itemId).addValue("by", by.userId())
					.addValue("name", by.displayName())
					.addValue("content", content)
					.addValue("files", "{" + String.join(",", fileIds.stream().map(String::valueOf).toList()) + "}")
					.addValue("at", Timestamp.from(at)),
				Long.class);
	}

	void addReminder(long itemId, ScopedPrincipal by, String comment, Instant at) {
		this.jdbc.update("""
				insert into supervision_reminder (item_id, by_id, by_name, comment, at)
				values (:item, :by, :name, :comment, :at)""",
				new MapSqlParameterSource("item", itemId).addValue("by", by.userId())
					.addValue("name", by.displayName())
					.addValue("comment", comment)
					.addValue("at", Timestamp.from(at)));
	}

	List<SupervisionViews.Response> responses(long itemId) {
		return this.jdbc.query("select * from supervision_response where item_id = :item order by at, id",
				new MapSqlParameterSource("item", itemId), (rs, n) -> {
					Long[] files = (Long[]) rs.getArray("file_ids").getArray();
					return new SupervisionViews.Response(rs.getLong("id"), rs.getLong("responder_id"),
							rs.getString("responder_name"), rs.getString("content"), List.of(files), List.of(),
							StoredItem.instant(rs, "at"));
				});
	}

	List<SupervisionViews.Reminder> reminders(long itemId) {
		return this.jdbc.query("select * from supervision_reminder where item_id = :item order by at, id",
				new MapSqlParameterSource("item", itemId),
				(rs, n) -> new SupervisionViews.Reminder(rs.getLong("id"), rs.getLong("by_id"), rs.getString("by_name"),
						rs.getString("comment"), StoredItem.instant(rs, "at")));
	}

	/** Items not closed, past their deadline and not yet marked overdue. */
	List<StoredItem> dueForOverdue(Instant now) {
		return this.jdbc.query(
				SELECT + " where s.state <> 'CLOSED' and s.overdue_at is null and s.deadline < :now order by s.id",
				new MapSqlParameterSource("now", Timestamp.from(now)), StoredItem::row);
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

}
