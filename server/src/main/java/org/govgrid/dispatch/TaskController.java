package org.govgrid.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.dispatch.Task.TaskStatus;
import org.govgrid.event.EventDispatch;
import org.govgrid.identity.Directory;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.platform.ScopeFilter;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tasks (任务): the centre assigns them to people in its scope; the assignee starts and
 * completes them. A caller sees the tasks given to them or by them, and the centre every
 * task of its scope; anything else is 404.
 */
@RestController
@RequestMapping("/api/v1/dispatch/tasks")
class TaskController {

	private static final String WRITE = "dispatch:task:write";

	private final NamedParameterJdbcTemplate jdbc;

	private final Directory directory;

	private final EventDispatch events;

	private final TaskNotices notices;

	private final AuditTrail audit;

	private final Clock clock;

	TaskController(NamedParameterJdbcTemplate jdbc, Directory directory, EventDispatch events, TaskNotices notices,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.events = events;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('dispatch:task:read')")
	@Transactional(readOnly = true)
	PageResponse<TaskView> list(@RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean mine, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		ScopedPrincipal caller = CurrentUser.require();
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = visible(caller, params);
		if (status != null && !status.isBlank()) {
			FieldErrors errors = new FieldErrors();
			TaskStatus parsed = parse(status, errors);
			errors.throwIfAny();
			where += " and t.status = :status";
			params.addValue("status", parsed.name());
		}
		if (Boolean.TRUE.equals(mine)) {
			where += " and t.assignee_id = :me";
		}
		Pageable paging = new PageQuery(page, size).toPageable(Sort.unsorted());
		Long total = this.jdbc.queryForObject("select count(*) from dispatch_task t where " + where, params,
				Long.class);
		params.addValue("limit", paging.getPageSize()).addValue("offset", paging.getOffset());
		List<TaskRow> rows = this.jdbc.query("select t.*, e.code as event_code from dispatch_task t"
				+ " left join event e on e.id = t.event_id where " + where
				+ " order by case when t.status in ('ASSIGNED', 'IN_PROGRESS') then 0 else 1 end, t.deadline, t.id desc"
				+ " limit :limit offset :offset", params, TaskController::row);
		return new PageResponse<>(views(rows), total == null ? 0 : total, paging.getPageNumber() + 1,
				paging.getPageSize());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('dispatch:task:write')")
	@Transactional
	TaskView create(@RequestBody TaskCommand command) {
		ScopedPrincipal caller = CurrentUser.require();
		Instant now = this.clock.instant();
		FieldErrors errors = new FieldErrors();
		if (command.title() == null || command.title().isBlank() || command.title().strip().length() > 200) {
			errors.add("title", "1–200 characters / 标题必填，最多200字");
		}
		if (command.description() != null && command.description().length() > 2000) {
			errors.add("description", "at most 2000 characters / 最多2000个字符");
		}
		boolean assigneeOk = command.assigneeId() != null && this.directory.user(command.assigneeId())
			.filter(Directory.Member::active)
			.filter(m -> caller.scope().covers(m.scopePath()))
			.isPresent();
		if (!assigneeOk) {
			errors.add("assigneeId", "an active person in your area / 请选择辖区内的执行人");
		}
		if (command.deadline() == null || !command.deadline().isAfter(now)) {
			errors.add("deadline", "a time in the future / 期限须晚于现在");
		}
		if (command.eventId() != null && this.events.codeIfVisible(command.eventId(), caller).isEmpty()) {
			errors.add("eventId", "no such event / 事件不存在");
		}
		errors.throwIfAny();
		Long id = this.jdbc.queryForObject("""
				insert into dispatch_task (title, description, status, creator_id, assignee_id, scope_path, event_id,
				    deadline, created_at)
				values (:title, :description, 'ASSIGNED', :creator, :assignee, :scope, :event, :deadline, :now)
				returning id""",
				new MapSqlParameterSource("title", command.title().strip())
					.addValue("description", command.description())
					.addValue("creator", caller.userId())
					.addValue("assignee", command.assigneeId())
					.addValue("scope", caller.scope().path())
					.addValue("event", command.eventId())
					.addValue("deadline", java.sql.Timestamp.from(command.deadline()))
					.addValue("now", java.sql.Timestamp.from(now)),
				Long.class);
		this.audit.record(AuditRecord.success("TASK_CREATE", "dispatch_task", id,
				"assignee=" + command.assigneeId() + " event=" + command.eventId()));
		this.notices.assigned(id, command.title().strip(), command.assigneeId());
		return find(id, caller);
	}

	@PostMapping("/{id}/{action}")
	@PreAuthorize("hasAuthority('dispatch:task:read')")
	@Transactional
	TaskView act(@PathVariable long id, @PathVariable String action,
			@RequestBody(required = false) Map<String, String> body) {
		ScopedPrincipal caller = CurrentUser.require();
		TaskRow row = findRow(id, caller);
		String comment = body == null ? null : body.get("comment");
		if (comment != null && comment.length() > 2000) {
			throw new org.govgrid.platform.InvalidInputException("comment", "at most 2000 characters / 最多2000个字符");
		}
		Task task = row.task();
		Instant now = this.clock.instant();
		switch (action) {
			case "start" -> task.start(caller.userId(), now);
			case "complete" -> task.complete(caller.userId(), comment, now);
			case "cancel" -> {
				if (comment == null || comment.isBlank()) {
					throw new org.govgrid.platform.InvalidInputException("comment", "required / 请填写取消原因");
				}
				task.cancel(caller.userId(), caller.can(WRITE), comment, now);
			}
			default -> throw new NotFoundException("task action", action);
		}
		int updated = this.jdbc.update("""
				update dispatch_task set status = :status, started_at = :started, completed_at = :completed,
				    comment = :comment, version = version + 1
				where id = :id and version = :version""",
				new MapSqlParameterSource("status", task.status().name()).addValue("started", ts(task.startedAt()))
					.addValue("completed", ts(task.completedAt()))
					.addValue("comment", task.comment())
					.addValue("id", id)
					.addValue("version", row.version()));
		if (updated != 1) {
			throw new org.govgrid.platform.ConflictException("The task was changed by someone else / 任务已被他人修改，请刷新后重试");
		}
		this.audit.record(AuditRecord.success("TASK_" + action.toUpperCase(java.util.Locale.ROOT), "dispatch_task", id,
				row.status() + "→" + task.status()));
		return find(id, caller);
	}

	private TaskView find(long id, ScopedPrincipal caller) {
		return views(List.of(findRow(id, caller))).get(0);
	}

	private TaskRow findRow(long id, ScopedPrincipal caller) {
		MapSqlParameterSource params = new MapSqlParameterSource("id", id);
		String where = visible(caller, params);
		return this.jdbc
			.query("select t.*, e.code as event_code from dispatch_task t left join event e on e.id = t.event_id"
					+ " where t.id = :id and " + where, params, TaskController::row)
			.stream()
			.findFirst()
			.orElseThrow(() -> new NotFoundException("task", id));
	}

	private static String visible(ScopedPrincipal caller, MapSqlParameterSource params) {
		params.addValue("me", caller.userId());
		if (!caller.can(WRITE)) {
			return "(t.assignee_id = :me or t.creator_id = :me)";
		}
		return "(t.assignee_id = :me or t.creator_id = :me or "
				+ ScopeFilter.of(caller.scope(), "t.scope_path").addTo(params) + ")";
	}

	private List<TaskView> views(List<TaskRow> rows) {
		Set<Long> people = new HashSet<>();
		rows.forEach(r -> {
			people.add(r.assigneeId());
			people.add(r.creatorId());
		});
		Map<Long, String> names = this.directory.userNames(people);
		List<TaskView> views = new ArrayList<>();
		rows.forEach(r -> views.add(new TaskView(r.id(), r.title(), r.description(), r.status().name(), r.assigneeId(),
				names.get(r.assigneeId()), r.creatorId(), names.get(r.creatorId()), r.deadline(), r.eventId(),
				r.eventCode(), r.createdAt(), r.startedAt(), r.completedAt(), r.comment())));
		return views;
	}

	private static TaskStatus parse(String value, FieldErrors errors) {
		try {
			return TaskStatus.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			errors.add("status", "unknown status / 未知状态");
			return null;
		}
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return instant == null ? null : java.sql.Timestamp.from(instant);
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		java.sql.Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}

	private static TaskRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new TaskRow(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
				TaskStatus.valueOf(rs.getString("status")), rs.getLong("creator_id"), rs.getLong("assignee_id"),
				instant(rs, "deadline"), rs.getObject("event_id", Long.class), rs.getString("event_code"),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "completed_at"),
				rs.getString("comment"), rs.getLong("version"));
	}

	private record TaskRow(long id, String title, String description, TaskStatus status, long creatorId,
			long assigneeId, Instant deadline, Long eventId, String eventCode, Instant createdAt, Instant startedAt,
			Instant completedAt, String comment, long version) {

		Task task() {
			return new Task(this.creatorId, this.assigneeId, this.status, this.startedAt, this.completedAt,
					this.comment);
		}

	}

	record TaskCommand(String title, String description, Long assigneeId, Instant deadline, Long eventId) {
	}

	record TaskView(long id, String title, String description, String status, long assigneeId, String assigneeName,
			long creatorId, String creatorName, Instant deadline, Long eventId, String eventCode, Instant createdAt,
			Instant startedAt, Instant completedAt, String comment) {
	}

}
