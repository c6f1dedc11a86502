package org.govgrid.event;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.govgrid.event.model.DeadlineFlag;
import org.govgrid.event.model.EventCase;
import org.govgrid.event.model.EventLevel;
import org.govgrid.event.model.EventSource;
import org.govgrid.event.model.EventStatus;
import org.govgrid.event.model.FlowEntry;
import org.govgrid.event.model.HandlingLevel;
import org.govgrid.event.model.Unit;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.IdentifierProtection;
import org.govgrid.platform.Masking;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores events and their flow with plain SQL. Updates are guarded by the row version: of
 * two concurrent transitions on one event exactly one commits, the other gets a 409.
 */
@Repository
class EventRepository {

	private final JdbcTemplate jdbc;

	private final ApplicationEventPublisher publisher;

	private final IdentifierProtection protection;

	EventRepository(JdbcTemplate jdbc, ApplicationEventPublisher publisher, IdentifierProtection protection) {
		this.jdbc = jdbc;
		this.publisher = publisher;
		this.protection = protection;
	}

	/**
	 * Inserts a new event unless this reporter already sent the idempotency key; empty
	 * then.
	 */
	Optional<Long> insert(EventCase event, StoredEvent.Details details, StoredEvent.Place place, Unit suggested,
			Long ruleId, int acceptanceMinutes, int disposalMinutes, DeadlineFlag flag, String idempotencyKey) {
		EventCase.State s = event.state();
		// the reporter's phone is kept sealed; the plain column holds only its masked
		// form
		IdentifierProtection.Sealed phone = details.reporterPhone() == null ? null
				: this.protection.seal(details.reporterPhone());
		List<Long> ids = this.jdbc.queryForList(
				"""
						insert into event (code, title, description, category_code, level, source, reporter_id, reporter_name,
						    reporter_phone, lon, lat, address, grid_id, community_id, town_id, region_path, status, handling_level,
						    unit_kind, unit_id, assignee_id, suggested_unit_kind, suggested_unit_id, routing_rule_id,
						    acceptance_minutes, disposal_minutes, reported_at, accepted_at, acceptance_deadline, dispatched_at,
						    disposal_deadline, closed_at, self_handled, result, flag, idempotency_key, reporter_phone_cipher,
						    reporter_phone_key)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
						    ?, ?, ?, ?)
						on conflict (reporter_id, idempotency_key) where idempotency_key is not null do nothing
						returning id""",
				Long.class, s.code(), details.title(), details.description(), s.categoryCode(), s.level().name(),
				s.source().name(), s.reporterId(), details.reporterName(), Masking.phone(details.reporterPhone()),
				place.lon(), place.lat(), place.address(), place.gridId(), place.communityId(), place.townId(),
				place.regionPath(), s.status().name(), s.handlingLevel().name(), s.currentUnit().kind().name(),
				s.currentUnit().id(), s.assigneeId(), suggested == null ? null : suggested.kind().name(),
				suggested == null ? null : suggested.id(), ruleId, acceptanceMinutes, disposalMinutes,
				ts(s.reportedAt()), ts(s.acceptedAt()), ts(s.acceptanceDeadline()), ts(s.dispatchedAt()),
				ts(s.disposalDeadline()), ts(s.closedAt()), s.selfHandled(), s.result(), flag.name(), idempotencyKey,
				phone == null ? null : phone.cipherText(), phone == null ? null : phone.keyId());
		return ids.stream().findFirst();
	}

	Optional<Long> findByIdempotencyKey(long reporterId, String key) {
		return this.jdbc
			.queryForList("select id from event where reporter_id = ? and idempotency_key = ?", Long.class, reporterId,
					key)
			.stream()
			.findFirst();
	}

	Optional<StoredEvent> find(long id) {
		return this.jdbc.query("select * from event where id = ?", EventRepository::row, id).stream().findFirst();
	}

	/** Several events at once, in no particular order. */
	List<StoredEvent> findAll(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.query("select * from event where id = any (?)",
				ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.toArray())), EventRepository::row);
	}

	/**
	 * The open events whose deadline flag may be due at {@code now}: those past 80 % of a
	 * running time limit (a second early, so rounding never hides one) and those flagged
	 * already, except the red ones already warned for their deadline (red stays until a
	 * new deadline, and every write of an event sets its flag). The model decides; this
	 * only spares the job the events nowhere near a deadline.
	 */
	List<OpenEvent> openEventsNearDeadline(Instant now) {
		return this.jdbc.query(
				"""
						select * from (
						    select e.*,
						        case when e.status = 'REPORTED' and e.accepted_at is null then e.reported_at
						             when e.status in ('DISPATCHED', 'IN_PROGRESS') then e.dispatched_at end as started,
						        case when e.status = 'REPORTED' then e.acceptance_deadline else e.disposal_deadline end as due
						    from event e where e.status not in ('CLOSED', 'REJECTED')
						) e
						where (e.flag <> 'NONE' or e.started + (e.due - e.started) * 0.8 <= cast(? as timestamptz) + interval '1 second')
						  and not (e.flag = 'RED' and e.notified_flag = 'RED' and e.notified_deadline = e.due)""",
				(rs, n) -> new OpenEvent(row(rs, n), rs.getString("notified_flag"), instant(rs, "notified_deadline")),
				ts(now));
	}

	/**
	 * Writes the new state if nobody else changed the event since
	 * {@code expectedVersion}.
	 */
	void update(long id, long expectedVersion, EventCase event, DeadlineFlag flag) {
		EventCase.State s = event.state();
		int updated = this.jdbc.update("""
				update event set status = ?, handling_level = ?, unit_kind = ?, unit_id = ?, assignee_id = ?,
				    accepted_at = ?, acceptance_deadline = ?, dispatched_at = ?, disposal_deadline = ?, closed_at = ?,
				    self_handled = ?, merged_into = ?, score = ?, evaluation = ?, result = ?, supervisions = ?,
				    flag = ?, version = version + 1, updated_at = now()
				where id = ? and version = ?""", s.status().name(), s.handlingLevel().name(),
				s.currentUnit().kind().name(), s.currentUnit().id(), s.assigneeId(), ts(s.acceptedAt()),
				ts(s.acceptanceDeadline()), ts(s.dispatchedAt()), ts(s.disposalDeadline()), ts(s.closedAt()),
				s.selfHandled(), s.mergedInto(), s.score(), s.evaluation(), s.result(), s.supervisions(), flag.name(),
				id, expectedVersion);
		if (updated != 1) {
			throw new ConflictException(
					"The event was changed by someone else; reload and try again / 事件已被他人处理，请刷新后重试");
		}
	}

	/**
	 * Appends the steps just taken and tells listeners ({@link EventChanged}) how the
	 * event stands after them.
	 */
	void appendFlow(long eventId, List<FlowEntry> entries) {
		this.jdbc.batchUpdate("""
				insert into event_flow (event_id, action, from_status, to_status, actor_id, actor_name, at, comment,
				    file_ids, target_kind, target_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", entries, entries.size(), (ps, entry) -> {
			ps.setLong(1, eventId);
			ps.setString(2, entry.action().code());
			ps.setString(3, entry.from() == null ? null : entry.from().name());
			ps.setString(4, entry.to().name());
			ps.setObject(5, entry.actorId() == 0 ? null : entry.actorId());
			ps.setString(6, entry.actorName());
			ps.setTimestamp(7, ts(entry.at()));
			ps.setString(8, entry.comment());
			ps.setArray(9, ps.getConnection().createArrayOf("bigint", entry.fileIds().toArray()));
			ps.setString(10, entry.target() == null ? null : entry.target().kind().name());
			ps.setObject(11, entry.target() == null ? null : entry.target().id());
		});
		announce(eventId,
				entries.stream()
					.map(e -> new EventChanged.Step(e.action().code(), e.from() == null ? null : e.from().name(),
							e.to().name(), e.actorId() == 0 ? null : e.actorId(), e.at()))
					.toList());
	}

	/** The newest flow step of an event (its writer holds the row, so it is theirs). */
	long lastFlowId(long eventId) {
		Long id = this.jdbc.queryForObject("select max(id) from event_flow where event_id = ?", Long.class, eventId);
		return id == null ? 0 : id;
	}

	/**
	 * Publishes the event as stored now, after {@code steps} (none for a flag change).
	 */
	void announce(long eventId, List<EventChanged.Step> steps) {
		this.jdbc.query(SNAPSHOT + " where id = ?", rs -> {
			this.publisher.publishEvent(snapshot(rs, steps));
		}, eventId);
	}

	long count() {
		Long count = this.jdbc.queryForObject("select count(*) from event", Long.class);
		return count == null ? 0 : count;
	}

	/** Events as they stand, by id after {@code afterId}, without steps. */
	List<EventChanged> snapshots(long afterId, int limit) {
		return this.jdbc.query(SNAPSHOT + " where id > ? order by id limit ?", (rs, n) -> snapshot(rs, List.of()),
				afterId, limit);
	}

	private static final String SNAPSHOT = """
			select id, code, category_code, level, source, reporter_id, assignee_id, grid_id, community_id, town_id, region_path,
			       status, flag, self_handled, reported_at, closed_at, disposal_deadline, score
			from event""";

	private static EventChanged snapshot(ResultSet rs, List<EventChanged.Step> steps) throws SQLException {
		return new EventChanged(rs.getLong("id"), rs.getString("code"), rs.getString("category_code"),
				rs.getString("level"), rs.getString("source"), rs.getLong("reporter_id"),
				rs.getObject("assignee_id", Long.class), rs.getLong("grid_id"), rs.getLong("community_id"),
				rs.getLong("town_id"), rs.getString("region_path"), rs.getString("status"), rs.getString("flag"),
				rs.getBoolean("self_handled"), instant(rs, "reported_at"), instant(rs, "closed_at"),
				instant(rs, "disposal_deadline"), rs.getObject("score", Integer.class), steps);
	}

	/** The flow of one event, oldest first. */
	List<FlowRow> flow(long eventId) {
		return this.jdbc.query("select * from event_flow where event_id = ? order by id", (rs, n) -> {
			String targetKind = rs.getString("target_kind");
			return new FlowRow(rs.getLong("id"), rs.getString("action"), rs.getString("from_status"),
					rs.getString("to_status"), rs.getObject("actor_id", Long.class), rs.getString("actor_name"),
					rs.getTimestamp("at").toInstant(), rs.getString("comment"), longs(rs.getArray("file_ids")),
					targetKind == null ? null : new Unit(Unit.Kind.valueOf(targetKind), rs.getLong("target_id")));
		}, eventId);
	}

	private static StoredEvent row(ResultSet rs, int n) throws SQLException {
		EventCase.State state = new EventCase.State(rs.getString("code"), rs.getString("category_code"),
				EventLevel.valueOf(rs.getString("level")), EventSource.valueOf(rs.getString("source")),
				rs.getLong("reporter_id"), Unit.grid(rs.getLong("grid_id")), instant(rs, "reported_at"),
				EventStatus.valueOf(rs.getString("status")), HandlingLevel.valueOf(rs.getString("handling_level")),
				new Unit(Unit.Kind.valueOf(rs.getString("unit_kind")), rs.getLong("unit_id")),
				rs.getObject("assignee_id", Long.class), instant(rs, "accepted_at"), instant(rs, "acceptance_deadline"),
				instant(rs, "dispatched_at"), instant(rs, "disposal_deadline"), instant(rs, "closed_at"),
				rs.getBoolean("self_handled"), rs.getObject("merged_into", Long.class),
				rs.getObject("score", Integer.class), rs.getString("evaluation"), rs.getString("result"),
				rs.getInt("supervisions"));
		String suggestedKind = rs.getString("suggested_unit_kind");
		return new StoredEvent(rs.getLong("id"), rs.getLong("version"), EventCase.restore(state),
				new StoredEvent.Details(rs.getString("title"), rs.getString("description"),
						rs.getString("reporter_name"), rs.getString("reporter_phone")),
				new StoredEvent.Place(rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("address"),
						rs.getLong("grid_id"), rs.getLong("community_id"), rs.getLong("town_id"),
						rs.getString("region_path")),
				suggestedKind == null ? null
						: new Unit(Unit.Kind.valueOf(suggestedKind), rs.getLong("suggested_unit_id")),
				rs.getObject("routing_rule_id", Long.class), rs.getInt("acceptance_minutes"),
				rs.getInt("disposal_minutes"), DeadlineFlag.valueOf(rs.getString("flag")));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	static Timestamp ts(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	static List<Long> longs(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		return new ArrayList<>(Arrays.asList((Long[]) array.getArray()));
	}

	/** An open event and the flag (for which deadline) its holders were last told of. */
	record OpenEvent(StoredEvent event, String notifiedFlag, Instant notifiedDeadline) {
	}

	/** One stored flow step. */
	record FlowRow(long id, String action, String fromStatus, String toStatus, Long actorId, String actorName,
			Instant at, String comment, List<Long> fileIds, Unit target) {
	}

}
