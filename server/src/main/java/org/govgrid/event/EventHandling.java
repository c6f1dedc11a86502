package org.govgrid.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.event.model.Actor;
import org.govgrid.event.model.EventAction;
import org.govgrid.event.model.EventCase;
import org.govgrid.event.model.EventStatus;
import org.govgrid.event.model.IllegalTransitionException;
import org.govgrid.event.model.Unit;
import org.govgrid.files.FileAttachments;
import org.govgrid.identity.Directory;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves events along their lifecycle: checks the permission for the action (403), that
 * the caller sees the event (404) and the input (400, every field), lets the model decide
 * whether the move is legal (409), then stores the new state under the row version (409
 * if someone else was first), the flow step, the attachments and an audit row, and tells
 * whoever the event reached.
 */
@Service
class EventHandling {

	static final Map<EventAction, String> PERMISSIONS = new EnumMap<>(Map.ofEntries(
			Map.entry(EventAction.ACCEPT, EventAccess.DISPATCH), Map.entry(EventAction.DISPATCH, EventAccess.DISPATCH),
			Map.entry(EventAction.REJECT, EventAccess.DISPATCH), Map.entry(EventAction.MERGE, EventAccess.DISPATCH),
			Map.entry(EventAction.SIGN, "event:case:handle"), Map.entry(EventAction.RESOLVE, "event:case:handle"),
			Map.entry(EventAction.VERIFY, "event:case:handle"), Map.entry(EventAction.RETURN, "event:case:handle"),
			Map.entry(EventAction.ESCALATE, "event:case:handle"),
			Map.entry(EventAction.SELF_HANDLE, "event:case:report"),
			Map.entry(EventAction.SUPERVISE, "event:case:supervise"),
			Map.entry(EventAction.EVALUATE, "event:case:evaluate")));

	private static final Duration LONGEST_DEADLINE = Duration.ofDays(366);

	/** A 督办 without a deadline of its own, on an event without one ahead: three days. */
	private static final Duration DEFAULT_SUPERVISION = Duration.ofDays(3);

	private final EventRepository events;

	private final EventAccess access;

	private final FileAttachments files;

	private final Directory directory;

	private final RegionService regions;

	private final EventNotices notices;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	EventHandling(EventRepository events, EventAccess access, FileAttachments files, Directory directory,
			RegionService regions, EventNotices notices, AuditTrail audit, Clock clock,
			ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.events = events;
		this.access = access;
		this.files = files;
		this.directory = directory;
		this.regions = regions;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	static EventAction action(String code) {
		return EventAction.ofCode(code)
			.filter(PERMISSIONS::containsKey)
			.orElseThrow(() -> new NotFoundException("event action", code));
	}

	static void requirePermission(EventAction action, ScopedPrincipal caller) {
		if (!caller.can(PERMISSIONS.get(action))) {
			throw new AccessDeniedException("missing " + PERMISSIONS.get(action));
		}
	}

	@Transactional
	void act(long id, EventAction action, ActionCommand command, ScopedPrincipal caller) {
		requirePermission(action, caller);
		actAuthorised(id, action, command, caller);
	}

	/**
	 * {@link #act} for a caller whose permission another module has checked; returns the
	 * 督办 step when the action is one (null otherwise).
	 */
	@Transactional
	EventSupervised actAuthorised(long id, EventAction action, ActionCommand command, ScopedPrincipal caller) {
		this.access.requireVisible(id, caller);
		StoredEvent stored = this.events.find(id).orElseThrow(() -> new NotFoundException("event", id));
		if (command.version() != null && command.version() != stored.version()) {
			throw new ConflictException(
					"The event was changed by someone else; reload and try again / 事件已被他人处理，请刷新后重试");
		}
		Instant now = this.clock.instant();
		EventCase event = stored.lifecycle();
		Unit before = event.currentUnit();
		List<Long> fileIds = command.fileIds() == null ? List.of() : command.fileIds();
		Step step = validate(action, command, stored, caller, now);
		perform(action, event, step, command, EventAccess.actor(caller), now, stored, fileIds);
		this.events.update(id, stored.version(), event, event.deadlineFlag(now));
		this.events.appendFlow(id, event.flow());
		this.files.attach(fileIds, "event", id);
		this.audit.record(AuditRecord.success("EVENT_" + action.name(), "event", id,
				event.code() + " " + stored.lifecycle().state().status() + "→" + event.status()
						+ (event.currentUnit().equals(before) ? "" : " to " + event.currentUnit())));
		tell(action, id, stored, event, command);
		if (action != EventAction.SUPERVISE) {
			return null;
		}
		EventSupervised supervised = new EventSupervised(id, this.events.lastFlowId(id), event.code(),
				stored.details().title(), stored.place().townId(), stored.place().regionPath(),
				event.currentUnit().kind().name(), event.currentUnit().id(), event.assigneeId(), caller.userId(),
				caller.displayName(), step.level(), step.deadline(), command.comment().strip(), now);
		this.publisher.publishEvent(supervised);
		return supervised;
	}

	/** Which actions the caller could take now: each is tried on a copy. */
	List<String> allowedActions(StoredEvent stored, ScopedPrincipal caller) {
		Actor actor = EventAccess.actor(caller);
		Instant now = this.clock.instant();
		List<String> allowed = new ArrayList<>();
		for (EventAction action : PERMISSIONS.keySet()) {
			if (!caller.can(PERMISSIONS.get(action))) {
				continue;
			}
			EventCase copy = EventCase.restore(stored.lifecycle().state());
			Unit anyDepartment = Unit.department(Long.MAX_VALUE);
			Step step = new Step(anyDepartment, null, now.plusSeconds(3600),
					escalationTarget(stored, copy, anyDepartment), Long.MAX_VALUE, "another", null);
			try {
				perform(action, copy, step,
						new ActionCommand("—", null, null, null, null, true, 5, null, null, null, null), actor, now,
						stored, List.of());
				allowed.add(action.code());
			}
			catch (IllegalTransitionException | IllegalArgumentException ex) {
				// not possible now
			}
		}
		return allowed;
	}

	private static void perform(EventAction action, EventCase event, Step step, ActionCommand command, Actor actor,
			Instant now, StoredEvent stored, List<Long> fileIds) {
		String comment = EventReporting.blank(command.comment()) ? null : command.comment().strip();
		switch (action) {
			case ACCEPT -> event.accept(actor, now, comment);
			case DISPATCH -> {
				if (event.status() == EventStatus.REPORTED && event.acceptedAt() == null) {
					event.accept(actor, now, null);
				}
				event.dispatch(actor, step.target(), step.assigneeId(), step.deadline(), now, comment);
			}
			case SIGN -> event.sign(actor, now, comment);
			case RESOLVE -> event.resolve(actor, comment, fileIds, now);
			case VERIFY -> event.verify(actor, Boolean.TRUE.equals(command.passed()), comment, fileIds, now);
			case RETURN -> event.returnTo(actor, stored.place().townCentre(), comment, now);
			case ESCALATE -> {
				if (step.higher() == null) {
					throw new IllegalTransitionException(action, event.status(), "there is no level above");
				}
				event.escalate(actor, step.higher(), comment, now.plus(Duration.ofMinutes(stored.acceptanceMinutes())),
						now);
			}
			case REJECT -> event.reject(actor, comment, now);
			case MERGE -> event.mergeInto(actor, step.otherEventId(), step.otherCode(), now);
			case SELF_HANDLE -> event.selfHandle(actor, comment, fileIds, now);
			case SUPERVISE -> event.supervise(actor, comment, now);
			case EVALUATE -> event.evaluate(actor, command.score(), comment, now);
			default -> throw new IllegalStateException("not an action: " + action);
		}
	}

	/** Checks the input of one action and resolves what it names. */
	private Step validate(EventAction action, ActionCommand command, StoredEvent stored, ScopedPrincipal caller,
			Instant now) {
		FieldErrors errors = new FieldErrors();
		if (command.comment() != null && command.comment().length() > 2000) {
			errors.add("comment", "at most 2000 characters / 最多2000个字符");
		}
		boolean needsReason = switch (action) {
			case RESOLVE, SELF_HANDLE, REJECT, RETURN, ESCALATE, SUPERVISE -> true;
			case VERIFY -> Boolean.FALSE.equals(command.passed());
			default -> false;
		};
		if (needsReason && EventReporting.blank(command.comment())) {
			errors.add("comment", "required / 请填写说明");
		}
		if (action == EventAction.VERIFY && command.passed() == null) {
			errors.add("passed", "required: true or false / 请选择核查结果");
		}
		if (action == EventAction.EVALUATE && (command.score() == null || command.score() < 1 || command.score() > 5)) {
			errors.add("score", "1 to 5 / 评分须为1–5");
		}
		boolean takesFiles = switch (action) {
			case RESOLVE, VERIFY, SELF_HANDLE -> true;
			default -> false;
		};
		if (takesFiles) {
			errors.addAll(this.files.check(command.fileIds(), "event", caller, "fileIds"));
		}
		else if (command.fileIds() != null && !command.fileIds().isEmpty()) {
			errors.add("fileIds", "this action takes no files / 该操作不能附带附件");
		}
		Unit target = null;
		Instant deadline = null;
		Unit higher = null;
		Long otherId = null;
		String otherCode = null;
		EventSupervised.Level level = null;
		if (action == EventAction.SUPERVISE) {
			level = command.level() == null || command.level().isBlank() ? EventSupervised.Level.GENERAL
					: EventSupervised.Level.of(command.level()).orElse(null);
			if (level == null) {
				errors.add("level", "GENERAL, KEY or LISTED / 督办级别须为一般、重点或挂牌");
			}
			Instant own = stored.lifecycle().disposalDeadline();
			deadline = command.deadline() != null ? command.deadline()
					: own != null && own.isAfter(now) ? own : now.plus(DEFAULT_SUPERVISION);
			if (!deadline.isAfter(now) || deadline.isAfter(now.plus(LONGEST_DEADLINE))) {
				errors.add("deadline", "in the future, within a year / 期限须晚于现在且不超过一年");
			}
		}
		if (action == EventAction.DISPATCH) {
			target = unit(command, stored, errors);
			deadline = command.deadline() == null ? now.plus(Duration.ofMinutes(stored.disposalMinutes()))
					: command.deadline();
			if (!deadline.isAfter(now) || deadline.isAfter(now.plus(LONGEST_DEADLINE))) {
				errors.add("deadline", "in the future, within a year / 期限须晚于现在且不超过一年");
			}
			assignee(command.assigneeId(), target, errors);
		}
		if (action == EventAction.ESCALATE) {
			Unit named = command.targetUnitId() == null ? null : unit(command, stored, errors);
			higher = escalationTarget(stored, stored.lifecycle(), named);
			if (higher == null && stored.lifecycle().currentUnit().kind() == Unit.Kind.TOWN_CENTRE) {
				errors.add("targetUnitId", "name the department to escalate to / 请选择上报的部门");
			}
		}
		if (action == EventAction.MERGE) {
			if (command.targetEventId() == null) {
				errors.add("targetEventId", "required / 请选择合并到的事件");
			}
			else {
				StoredEvent other = this.access.canSee(command.targetEventId(), caller)
						? this.events.find(command.targetEventId()).orElse(null) : null;
				if (other == null || other.lifecycle().status() == EventStatus.REJECTED) {
					errors.add("targetEventId", "no such event to merge into / 目标事件不存在或已不予受理");
				}
				else {
					otherId = other.id();
					otherCode = other.lifecycle().code();
				}
			}
		}
		errors.throwIfAny();
		return new Step(target, command.assigneeId(), deadline, higher, otherId, otherCode, level);
	}

	/** The next unit up: grid → community → town centre → a named department. */
	private static Unit escalationTarget(StoredEvent stored, EventCase event, Unit named) {
		return switch (event.currentUnit().kind()) {
			case GRID -> stored.place().community();
			case COMMUNITY -> stored.place().townCentre();
			case TOWN_CENTRE -> named != null && named.kind() == Unit.Kind.DEPARTMENT ? named : null;
			case DEPARTMENT -> null;
		};
	}

	private Unit unit(ActionCommand command, StoredEvent stored, FieldErrors errors) {
		if (command.targetUnitId() == null) {
			errors.add("targetUnitId", "required / 请选择处置单位");
			return null;
		}
		Unit.Kind kind;
		try {
			kind = command.targetUnitKind() == null ? Unit.Kind.DEPARTMENT
					: Unit.Kind.valueOf(command.targetUnitKind());
		}
		catch (IllegalArgumentException ex) {
			errors.add("targetUnitKind", "unknown unit kind / 未知单位类型");
			return null;
		}
		long id = command.targetUnitId();
		String townPath = townPath(stored.place().regionPath());
		boolean known = switch (kind) {
			case DEPARTMENT ->
				this.directory.departmentsServing(stored.place().regionPath()).stream().anyMatch(d -> d.id() == id);
			case TOWN_CENTRE -> id == stored.place().townId();
			case COMMUNITY,
					GRID ->
				this.regions.find(id)
					.filter(r -> r.level() == (kind == Unit.Kind.GRID ? RegionLevel.GRID : RegionLevel.COMMUNITY))
					.filter(r -> r.path().startsWith(townPath + "/"))
					.isPresent();
		};
		if (!known) {
			errors.add("targetUnitId", "no such unit for this event / 处置单位不存在或不在本镇街");
			return null;
		}
		return new Unit(kind, id);
	}

	private void assignee(Long assigneeId, Unit target, FieldErrors errors) {
		if (assigneeId == null || target == null) {
			return;
		}
		boolean member = this.directory.user(assigneeId)
			.filter(Directory.Member::active)
			.filter(m -> target.kind() == Unit.Kind.DEPARTMENT ? Long.valueOf(target.id()).equals(m.departmentId())
					: m.scopeRegionId() == target.id())
			.isPresent();
		if (!member) {
			errors.add("assigneeId", "not a member of the unit / 处置人不属于该单位");
		}
	}

	static String townPath(String regionPath) {
		String[] parts = regionPath.split("/");
		return String.join("/", java.util.Arrays.copyOf(parts, Math.min(3, parts.length)));
	}

	private void tell(EventAction action, long id, StoredEvent stored, EventCase event, ActionCommand command) {
		String code = event.code();
		String title = stored.details().title();
		switch (action) {
			case DISPATCH, ESCALATE -> this.notices.arrived(id, code, title, event.currentUnit(), event.assigneeId());
			case RESOLVE -> this.notices.toVerify(id, code, event.result(), event.reporterId());
			case RETURN -> this.notices.returned(id, code, command.comment(), event.currentUnit());
			case SUPERVISE ->
				this.notices.supervised(id, code, command.comment(), event.currentUnit(), event.assigneeId());
			case VERIFY -> {
				if (event.status() == EventStatus.IN_PROGRESS) {
					this.notices.arrived(id, code, "核查未通过，请重新处置：" + command.comment(), event.currentUnit(),
							event.assigneeId());
				}
			}
			default -> {
			}
		}
	}

	/** What an action names, resolved. */
	private record Step(Unit target, Long assigneeId, Instant deadline, Unit higher, Long otherEventId,
			String otherCode, EventSupervised.Level level) {
	}

	/**
	 * {@code level} and {@code deadline} of a 督办 are optional (GENERAL; see validate).
	 */
	record ActionCommand(String comment, String targetUnitKind, Long targetUnitId, Long assigneeId, Instant deadline,
			Boolean passed, Integer score, List<Long> fileIds, Long targetEventId, Long version, String level) {
	}

}
