package org.govgrid.dispatch.model;

import java.time.Instant;
import java.util.Objects;

import org.govgrid.platform.IllegalTransitionException;

/**
 * A task (任务) the centre gives to a person: ASSIGNED → IN_PROGRESS → DONE, or DONE at
 * once; the creator or the centre cancels it while it is open. Only the assignee starts
 * and completes it. An illegal step throws {@link IllegalTransitionException} and changes
 * nothing.
 */
public final class Task {

	public static final String START = "start";

	public static final String COMPLETE = "complete";

	public static final String CANCEL = "cancel";

	private final long creatorId;

	private final long assigneeId;

	private TaskStatus status;

	private Instant startedAt;

	private Instant completedAt;

	private String comment;

	private Task(long creatorId, long assigneeId, TaskStatus status, Instant startedAt, Instant completedAt,
			String comment) {
		this.creatorId = creatorId;
		this.assigneeId = assigneeId;
		this.status = Objects.requireNonNull(status, "status");
		this.startedAt = startedAt;
		this.completedAt = completedAt;
		this.comment = comment;
	}

	/** A new task, given by {@code creatorId} to {@code assigneeId}. */
	public static Task assigned(long creatorId, long assigneeId) {
		return new Task(creatorId, assigneeId, TaskStatus.ASSIGNED, null, null, null);
	}

	/** A task as stored. */
	public static Task restore(TaskStatus status, long creatorId, long assigneeId, Instant startedAt,
			Instant completedAt, String comment) {
		return new Task(creatorId, assigneeId, status, startedAt, completedAt, comment);
	}

	public void start(long actorId, Instant now) {
		require(START, actorId == this.assigneeId, "only the assignee starts a task / 只有执行人可以开始任务");
		require(START, this.status == TaskStatus.ASSIGNED, "only an assigned task can be started / 任务不是待执行状态");
		this.status = TaskStatus.IN_PROGRESS;
		this.startedAt = now;
	}

	public void complete(long actorId, String comment, Instant now) {
		require(COMPLETE, actorId == this.assigneeId, "only the assignee completes a task / 只有执行人可以完成任务");
		require(COMPLETE, this.status.open(), "the task is already finished / 任务已结束");
		this.status = TaskStatus.DONE;
		this.completedAt = now;
		this.comment = comment;
	}

	/** The creator cancels their task; {@code dispatcher} (the centre) cancels any. */
	public void cancel(long actorId, boolean dispatcher, String comment, Instant now) {
		require(CANCEL, actorId == this.creatorId || dispatcher, "only the centre cancels a task / 只有指挥中心可以取消任务");
		require(CANCEL, this.status.open(), "the task is already finished / 任务已结束");
		this.status = TaskStatus.CANCELLED;
		this.completedAt = now;
		this.comment = comment;
	}

	private void require(String action, boolean condition, String why) {
		if (!condition) {
			throw new IllegalTransitionException("任务", action, this.status.name(), why);
		}
	}

	public TaskStatus status() {
		return this.status;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Instant completedAt() {
		return this.completedAt;
	}

	public String comment() {
		return this.comment;
	}

}
