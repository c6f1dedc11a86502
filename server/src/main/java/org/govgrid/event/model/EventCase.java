package org.govgrid.event.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An event (事件) and its lifecycle of DESIGN §4 as guarded transitions. Each method checks
 * the state and whether the actor is on the right side (handling unit, reporting grid,
 * centre), moves the state, and appends exactly one {@link FlowEntry}; an illegal move
 * throws {@link IllegalTransitionException} and changes nothing.
 */
public class EventCase {

	private final String code;

	private final String categoryCode;

	private final EventLevel level;

	private final EventSource source;

	private final long reporterId;

	private final Unit reportingGrid;

	private final Instant reportedAt;

	private EventStatus status = EventStatus.REPORTED;

	private HandlingLevel handlingLevel;

	private Unit currentUnit;

	private Long assigneeId;

	private Instant acceptedAt;

	private Instant acceptanceDeadline;

	private Instant dispatchedAt;

	private Instant disposalDeadline;

	private Instant closedAt;

	private boolean selfHandled;

	private Long mergedInto;

	private Integer score;

	private String evaluation;

	private String result;

	private int supervisions;

	private final List<FlowEntry> flow = new ArrayList<>();

	private EventCase(String code, String categoryCode, EventLevel level, EventSource source, long reporterId,
			Unit reportingGrid, Instant reportedAt) {
		this.code = Objects.requireNonNull(code, "code");
		this.categoryCode = Objects.requireNonNull(categoryCode, "categoryCode");
		this.level = Objects.requireNonNull(level, "level");
		this.source = Objects.requireNonNull(source, "source");
		this.reporterId = reporterId;
		this.reportingGrid = Objects.requireNonNull(reportingGrid, "reportingGrid");
		this.reportedAt = Objects.requireNonNull(reportedAt, "reportedAt");
	}

	/**
	 * A new report, waiting in {@code centre}'s queue to be accepted by
	 * {@code acceptanceDeadline}.
	 */
	public static EventCase report(String code, String categoryCode, EventLevel level, EventSource source,
			Actor reporter, Unit reportingGrid, Unit centre, Instant acceptanceDeadline, Instant now) {
		return report(code, categoryCode, level, source, reporter, reportingGrid, centre, acceptanceDeadline, now,
				List.of());
	}

	/** A new report with its photos. */
	public static EventCase report(String code, String categoryCode, EventLevel level, EventSource source,
			Actor reporter, Unit reportingGrid, Unit centre, Instant acceptanceDeadline, Instant now,
			List<Long> fileIds) {
		EventCase event = new EventCase(code, categoryCode, level, source, reporter.userId(), reportingGrid, now);
		event.currentUnit = Objects.requireNonNull(centre, "centre");
		event.handlingLevel = centre.level();
		event.acceptanceDeadline = acceptanceDeadline;
		event.record(EventAction.REPORT, null, reporter, now, null, fileIds, centre);
		return event;
	}

	/**
	 * An event as stored, to act on it again; {@link #flow()} then holds only what
	 * happens from here on.
	 */
	public static EventCase restore(State state) {
		EventCase event = new EventCase(state.code(), state.categoryCode(), state.level(), state.source(),
				state.reporterId(), state.reportingGrid(), state.reportedAt());
		event.status = Objects.requireNonNull(state.status(), "status");
		event.handlingLevel = state.handlingLevel();
		event.currentUnit = state.currentUnit();
		event.assigneeId = state.assigneeId();
		event.acceptedAt = state.acceptedAt();
		event.acceptanceDeadline = state.acceptanceDeadline();
		event.dispatchedAt = state.dispatchedAt();
		event.disposalDeadline = state.disposalDeadline();
		event.closedAt = state.closedAt();
		event.selfHandled = state.selfHandled();
		event.mergedInto = state.mergedInto();
		event.score = state.score();
		event.evaluation = state.evaluation();
		event.result = state.result();
		event.supervisions = state.supervisions();
		return event;
	}

	/** Everything but the flow, to store it. */
	public State state() {
		return new State(this.code, this.categoryCode, this.level, this.source, this.reporterId, this.reportingGrid,
				this.reportedAt, this.status, this.handlingLevel, this.currentUnit, this.assigneeId, this.acceptedAt,
				this.acceptanceDeadline, this.dispatchedAt, this.disposalDeadline, this.closedAt, this.selfHandled,
				this.mergedInto, this.score, this.evaluation, this.result, this.supervisions);
	}

	/**
	 * 自动派遣: a routing rule sends a fresh report straight to its handling unit; the system
	 * accepts and dispatches in one step.
	 */
	public void autoDispatch(Unit target, Instant disposalDeadline, Instant now, String comment) {
		Objects.requireNonNull(target, "target");
		require(EventAction.DISPATCH, this.status == EventStatus.REPORTED && this.acceptedAt == null,
				"only a fresh report can be dispatched automatically");
		this.acceptedAt = now;
		this.status = EventStatus.DISPATCHED;
		this.currentUnit = target;
		this.handlingLevel = target.level();
		this.dispatchedAt = now;
		this.disposalDeadline = disposalDeadline;
		record(EventAction.DISPATCH, EventStatus.REPORTED, Actor.SYSTEM, now, comment, List.of(), target);
	}

	/** 受理: the centre takes the report in. */
	public void accept(Actor actor, Instant now, String comment) {
		require(EventAction.ACCEPT, this.status == EventStatus.REPORTED, "only a reported event can be accepted");
		require(EventAction.ACCEPT, this.acceptedAt == null, "already accepted");
		requireHolder(EventAction.ACCEPT, actor);
		this.acceptedAt = now;
		record(EventAction.ACCEPT, EventStatus.REPORTED, actor, now, comment, List.of(), null);
	}

	/** 派遣: to a handling unit (and optionally a person) with a disposal deadline. */
	public void dispatch(Actor actor, Unit target, Long assigneeId, Instant disposalDeadline, Instant now,
			String comment) {
		Objects.requireNonNull(target, "target");
		require(EventAction.DISPATCH, this.status == EventStatus.REPORTED, "only a waiting event can be dispatched");
		require(EventAction.DISPATCH, this.acceptedAt != null, "accept it first");
		requireHolder(EventAction.DISPATCH, actor);
		EventStatus from = this.status;
		this.status = EventStatus.DISPATCHED;
		this.currentUnit = target;
		this.handlingLevel = target.level();
		this.assigneeId = assigneeId;
		this.dispatchedAt = now;
		this.disposalDeadline = disposalDeadline;
		record(EventAction.DISPATCH, from, actor, now, comment, List.of(), target);
	}

	/** 签收: the handling unit takes it on. */
	public void sign(Actor actor, Instant now, String comment) {
		require(EventAction.SIGN, this.status == EventStatus.DISPATCHED, "only a dispatched event can be signed for");
		requireHolder(EventAction.SIGN, actor);
		require(EventAction.SIGN, this.assigneeId == null || this.assigneeId == actor.userId(),
				"it is assigned to someone else");
		this.status = EventStatus.IN_PROGRESS;
		this.assigneeId = actor.userId();
		record(EventAction.SIGN, EventStatus.DISPATCHED, actor, now, comment, List.of(), null);
	}

	/** 办结: handled, with the result and photos; the reporting side verifies next. */
	public void resolve(Actor actor, String result, List<Long> fileIds, Instant now) {
		requireText(result, "result");
		require(EventAction.RESOLVE, this.status == EventStatus.IN_PROGRESS,
				"only an event in progress can be resolved");
		requireHolder(EventAction.RESOLVE, actor);
		this.status = EventStatus.RESOLVED;
		this.result = result;
		record(EventAction.RESOLVE, EventStatus.IN_PROGRESS, actor, now, result, fileIds, null);
	}

	/**
	 * 核查 by the reporting side: passed closes the event, failed sends it back for rework.
	 */
	public void verify(Actor actor, boolean passed, String comment, List<Long> fileIds, Instant now) {
		if (!passed) {
			requireText(comment, "comment");
		}
		require(EventAction.VERIFY, this.status == EventStatus.RESOLVED, "only a resolved event can be verified");
		require(EventAction.VERIFY, actor.userId() == this.reporterId || actor.actsFor(this.reportingGrid),
				"only the reporting grid verifies");
		this.status = passed ? EventStatus.CLOSED : EventStatus.IN_PROGRESS;
		if (passed) {
			this.closedAt = now;
		}
		record(EventAction.VERIFY, EventStatus.RESOLVED, actor, now, comment, fileIds, null);
	}

	/**
	 * 退回: the handling unit sends it back to the centre that dispatched it, with a
	 * reason.
	 */
	public void returnTo(Actor actor, Unit centre, String reason, Instant now) {
		requireText(reason, "reason");
		require(EventAction.RETURN, this.status == EventStatus.DISPATCHED || this.status == EventStatus.IN_PROGRESS,
				"only a dispatched or in-progress event can be returned");
		requireHolder(EventAction.RETURN, actor);
		EventStatus from = this.status;
		this.status = EventStatus.REPORTED;
		this.currentUnit = Objects.requireNonNull(centre, "centre");
		this.handlingLevel = centre.level();
		this.assigneeId = null;
		this.dispatchedAt = null;
		this.disposalDeadline = null;
		record(EventAction.RETURN, from, actor, now, reason, List.of(), centre);
	}

	/** 上报: beyond this level's power; it waits to be accepted at the higher unit. */
	public void escalate(Actor actor, Unit higher, String reason, Instant acceptanceDeadline, Instant now) {
		requireText(reason, "reason");
		Objects.requireNonNull(higher, "higher");
		require(EventAction.ESCALATE, this.status.isOpen() && this.status != EventStatus.RESOLVED,
				"a resolved or finished event cannot be escalated");
		requireHolder(EventAction.ESCALATE, actor);
		require(EventAction.ESCALATE, higher.level().ordinal() > this.handlingLevel.ordinal(),
				"the target must be above " + this.handlingLevel);
		EventStatus from = this.status;
		this.status = EventStatus.REPORTED;
		this.currentUnit = higher;
		this.handlingLevel = higher.level();
		this.assigneeId = null;
		this.acceptedAt = null;
		this.dispatchedAt = null;
		this.disposalDeadline = null;
		this.acceptanceDeadline = acceptanceDeadline;
		record(EventAction.ESCALATE, from, actor, now, reason, List.of(), higher);
	}

	/** 不予受理: not a valid case. */
	public void reject(Actor actor, String reason, Instant now) {
		requireText(reason, "reason");
		require(EventAction.REJECT, this.status == EventStatus.REPORTED, "only a waiting event can be rejected");
		requireHolder(EventAction.REJECT, actor);
		this.status = EventStatus.REJECTED;
		this.closedAt = now;
		record(EventAction.REJECT, EventStatus.REPORTED, actor, now, reason, List.of(), null);
	}

	/** A duplicate: rejected and pointing at the event it duplicates. */
	public void mergeInto(Actor actor, long otherEventId, String otherCode, Instant now) {
		require(EventAction.MERGE, this.status == EventStatus.REPORTED, "only a waiting event can be merged");
		require(EventAction.MERGE, !otherCode.equals(this.code), "an event cannot be merged into itself");
		requireHolder(EventAction.MERGE, actor);
		this.status = EventStatus.REJECTED;
		this.mergedInto = otherEventId;
		this.closedAt = now;
		record(EventAction.MERGE, EventStatus.REPORTED, actor, now, "merged into " + otherCode + " / 合并至 " + otherCode,
				List.of(), null);
	}

	/** 自处置: the reporting grid worker dealt with it on the spot. */
	public void selfHandle(Actor actor, String result, List<Long> fileIds, Instant now) {
		requireText(result, "result");
		require(EventAction.SELF_HANDLE, this.status == EventStatus.REPORTED && this.acceptedAt == null,
				"only a fresh report can be self-handled");
		require(EventAction.SELF_HANDLE, this.source == EventSource.GRID_WORKER && actor.userId() == this.reporterId,
				"only the reporting grid worker can self-handle");
		this.status = EventStatus.CLOSED;
		this.selfHandled = true;
		this.result = result;
		this.currentUnit = this.reportingGrid;
		this.handlingLevel = HandlingLevel.GRID;
		this.closedAt = now;
		record(EventAction.SELF_HANDLE, EventStatus.REPORTED, actor, now, result, fileIds, this.reportingGrid);
	}

	/** 督办: a leader presses on an open event; the state does not change. */
	public void supervise(Actor actor, String comment, Instant now) {
		requireText(comment, "comment");
		require(EventAction.SUPERVISE, this.status.isOpen(), "only an open event can be supervised");
		this.supervisions++;
		record(EventAction.SUPERVISE, this.status, actor, now, comment, List.of(), this.currentUnit);
	}

	/** 备注: a remark on an open event that changes nothing else. */
	public void note(Actor actor, String comment, Instant now) {
		requireText(comment, "comment");
		require(EventAction.NOTE, this.status.isOpen(), "only an open event takes a note");
		record(EventAction.NOTE, this.status, actor, now, comment, List.of(), null);
	}

	/**
	 * 重办: the town centre sends a closed event back to the unit that handled it, to be
	 * handled again by {@code disposalDeadline}; it then resolves and is verified as
	 * before. A self-handled event has no handling unit to go back to.
	 */
	public void reopen(Actor actor, Unit centre, String reason, Instant disposalDeadline, Instant now) {
		requireText(reason, "reason");
		Objects.requireNonNull(disposalDeadline, "disposalDeadline");
		require(EventAction.REOPEN, this.status == EventStatus.CLOSED, "only a closed event can be reopened");
		require(EventAction.REOPEN, !this.selfHandled, "a self-handled event has no handling unit to go back to");
		require(EventAction.REOPEN, actor == Actor.SYSTEM || actor.actsFor(centre),
				"only the town's centre reopens an event");
		this.status = EventStatus.IN_PROGRESS;
		this.closedAt = null;
		this.dispatchedAt = now;
		this.disposalDeadline = disposalDeadline;
		record(EventAction.REOPEN, EventStatus.CLOSED, actor, now, reason, List.of(), this.currentUnit);
	}

	/** 评价: once, 1–5, after closing. */
	public void evaluate(Actor actor, int score, String comment, Instant now) {
		if (score < 1 || score > 5) {
			throw new IllegalArgumentException("score must be 1–5");
		}
		require(EventAction.EVALUATE, this.status == EventStatus.CLOSED, "only a closed event can be evaluated");
		require(EventAction.EVALUATE, this.score == null, "already evaluated");
		this.score = score;
		this.evaluation = comment;
		record(EventAction.EVALUATE, EventStatus.CLOSED, actor, now, comment, List.of(), null);
	}

	/**
	 * The time-limit flag now: acceptance while waiting, disposal while being handled.
	 */
	public DeadlineFlag deadlineFlag(Instant now) {
		return switch (this.status) {
			case REPORTED -> this.acceptedAt == null ? DeadlineFlag.of(this.reportedAt, this.acceptanceDeadline, now)
					: DeadlineFlag.NONE;
			case DISPATCHED, IN_PROGRESS -> DeadlineFlag.of(this.dispatchedAt, this.disposalDeadline, now);
			default -> DeadlineFlag.NONE;
		};
	}

	private void requireHolder(EventAction action, Actor actor) {
		require(action, actor == Actor.SYSTEM || actor.actsFor(this.currentUnit), "the event is held by another unit");
	}

	private void require(EventAction action, boolean condition, String why) {
		if (!condition) {
			throw new IllegalTransitionException(action, this.status, why);
		}
	}

	private static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
	}

	private void record(EventAction action, EventStatus from, Actor actor, Instant at, String comment,
			List<Long> fileIds, Unit target) {
		this.flow
			.add(new FlowEntry(action, from, this.status, actor.userId(), actor.name(), at, comment, fileIds, target));
	}

	public String code() {
		return this.code;
	}

	public String categoryCode() {
		return this.categoryCode;
	}

	public EventLevel level() {
		return this.level;
	}

	public EventSource source() {
		return this.source;
	}

	public long reporterId() {
		return this.reporterId;
	}

	public Unit reportingGrid() {
		return this.reportingGrid;
	}

	public Instant reportedAt() {
		return this.reportedAt;
	}

	public EventStatus status() {
		return this.status;
	}

	public HandlingLevel handlingLevel() {
		return this.handlingLevel;
	}

	public Unit currentUnit() {
		return this.currentUnit;
	}

	public Long assigneeId() {
		return this.assigneeId;
	}

	public Instant acceptedAt() {
		return this.acceptedAt;
	}

	public Instant acceptanceDeadline() {
		return this.acceptanceDeadline;
	}

	public Instant dispatchedAt() {
		return this.dispatchedAt;
	}

	public String evaluation() {
		return this.evaluation;
	}

	public Instant disposalDeadline() {
		return this.disposalDeadline;
	}

	public Instant closedAt() {
		return this.closedAt;
	}

	public boolean selfHandled() {
		return this.selfHandled;
	}

	public Long mergedInto() {
		return this.mergedInto;
	}

	public Integer score() {
		return this.score;
	}

	public String result() {
		return this.result;
	}

	public int supervisions() {
		return this.supervisions;
	}

	public List<FlowEntry> flow() {
		return List.copyOf(this.flow);
	}

	/** The stored form of an event, without its flow. */
	public record State(String code, String categoryCode, EventLevel level, EventSource source, long reporterId,
			Unit reportingGrid, Instant reportedAt, EventStatus status, HandlingLevel handlingLevel, Unit currentUnit,
			Long assigneeId, Instant acceptedAt, Instant acceptanceDeadline, Instant dispatchedAt,
			Instant disposalDeadline, Instant closedAt, boolean selfHandled, Long mergedInto, Integer score,
			String evaluation, String result, int supervisions) {
	}

}
