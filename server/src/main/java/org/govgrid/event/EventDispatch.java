package org.govgrid.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.govgrid.event.EventHandling.ActionCommand;
import org.govgrid.event.EventQueries.EventFilter;
import org.govgrid.event.EventQueries.EventItem;
import org.govgrid.event.Units.UnitView;
import org.govgrid.event.model.EventAction;
import org.govgrid.event.model.IllegalTransitionException;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the command centre (联动指挥, 标准 7.2.6) needs of events: the board of collaborative
 * events (those handled beyond the grid and community, by the town centre and the
 * departments) and the assignment of several events at once, all or nothing.
 */
@Service
public class EventDispatch {

	private static final Map<String, String> SORTS = Map.of("code", "e.code", "reportedAt", "e.reported_at",
			"overdueAt", "deadline", "status", "e.status", "source", "e.source");

	private static final int MAX_BATCH = 100;

	private final EventQueries queries;

	private final EventHandling handling;

	private final EventRepository events;

	private final EventAccess access;

	private final NamedParameterJdbcTemplate jdbc;

	EventDispatch(EventQueries queries, EventHandling handling, EventRepository events, EventAccess access,
			NamedParameterJdbcTemplate jdbc) {
		this.queries = queries;
		this.handling = handling;
		this.events = events;
		this.access = access;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public PageResponse<BoardRow> board(BoardFilter filter, PageQuery paging, String sort, ScopedPrincipal caller) {
		PageResponse<EventItem> page = this.queries.page(
				new EventFilter(filter.status(), null, null, filter.source(), null, filter.from(), filter.to(),
						filter.flag(), null, filter.keyword(), null),
				"not e.self_handled and e.handling_level in ('TOWN', 'DEPARTMENT')", paging, sort, SORTS,
				"overdueAt,asc", caller);
		Map<Long, StoredEvent> stored = this.events.findAll(page.items().stream().map(EventItem::id).toList())
			.stream()
			.collect(Collectors.toMap(StoredEvent::id, Function.identity()));
		return new PageResponse<>(page.items()
			.stream()
			.map(item -> new BoardRow(item.id(), item.code(), item.reporterName(), item.reporterPhone(),
					item.reportedAt(), item.description(), item.deadline(), item.status(), item.source(), item.flag(),
					this.handling.allowedActions(stored.get(item.id()), caller), item.currentUnit(),
					item.categoryName(), item.title()))
			.toList(), page.total(), page.page(), page.size());
	}

	/**
	 * Dispatches every event to the same unit (and person, deadline); if any of them
	 * cannot be, none is and the problem names each as {@code eventIds[i]}.
	 */
	@Transactional
	public void assignAll(Assignment assignment, ScopedPrincipal caller) {
		List<Long> ids = assignment.eventIds() == null ? List.of() : assignment.eventIds();
		if (ids.isEmpty() || ids.size() > MAX_BATCH) {
			throw new InvalidInputException("eventIds", "1 to " + MAX_BATCH + " events / 请选择1–100个事件");
		}
		EventHandling.requirePermission(EventAction.DISPATCH, caller);
		ActionCommand command = new ActionCommand(assignment.comment(), assignment.targetUnitKind(),
				assignment.targetUnitId(), assignment.assigneeId(), assignment.deadline(), null, null, null, null, null,
				null);
		FieldErrors errors = new FieldErrors();
		boolean conflict = false;
		for (int i = 0; i < ids.size(); i++) {
			String field = "eventIds[" + i + "]";
			if (ids.indexOf(ids.get(i)) != i) {
				errors.add(field, "listed twice / 事件重复");
				continue;
			}
			try {
				this.handling.act(ids.get(i), EventAction.DISPATCH, command, caller);
			}
			catch (InvalidInputException ex) {
				ex.errors().forEach(e -> errors.add(field, e.field() + ": " + e.message()));
			}
			catch (IllegalTransitionException | ConflictException ex) {
				conflict = true;
				errors.add(field, ex.getMessage());
			}
			catch (NotFoundException ex) {
				errors.add(field, "no such event / 事件不存在");
			}
		}
		if (!errors.isEmpty()) {
			throw conflict ? new BatchRejectedException(errors) : new InvalidInputException(errors.list());
		}
	}

	/** The code of an event the caller may see. */
	@Transactional(readOnly = true)
	public Optional<String> codeIfVisible(long eventId, ScopedPrincipal caller) {
		if (!this.access.canSee(eventId, caller)) {
			return Optional.empty();
		}
		return this.jdbc
			.queryForList("select code from event where id = :id", new MapSqlParameterSource("id", eventId),
					String.class)
			.stream()
			.findFirst();
	}

	/** Board filters; statuses and codes as in the event list. */
	public record BoardFilter(List<String> status, String source, String flag, String keyword, Instant from,
			Instant to) {
	}

	/**
	 * One row of the board: exactly the columns of 7.2.6, plus what the console shows.
	 */
	public record BoardRow(long id, String code, String reporterName, String reporterPhone, Instant reportedAt,
			String content, Instant overdueAt, String status, String source, String flag, List<String> actions,
			UnitView currentUnit, String categoryName, String title) {
	}

	/** A batch assignment (统一任务分派). */
	public record Assignment(List<Long> eventIds, String targetUnitKind, Long targetUnitId, Long assigneeId,
			Instant deadline, String comment) {
	}

	/** Some events of a batch cannot be assigned as they stand (409, each named). */
	public static class BatchRejectedException extends RuntimeException {

		private final transient FieldErrors errors;

		BatchRejectedException(FieldErrors errors) {
			super("some events cannot be assigned / 部分事件无法派遣");
			this.errors = errors;
		}

		public FieldErrors errors() {
			return this.errors;
		}

	}

}
