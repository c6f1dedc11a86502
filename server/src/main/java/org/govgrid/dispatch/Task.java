package org.govgrid.dispatch;

import java.time.Instant;
import java.util.Objects;

import org.govgrid.platform.ConflictException;

/**
 * A task (任务) the centre gives to a person, with guarded transitions: the assignee starts
 * and completes it, the centre cancels it while it is not done.
 */
class Task {

	private final long creatorId;

	private final long assigneeId;

	private TaskStatus status;

	private Instant startedAt;

	private Instant completedAt;

	private String comment;

	Task(long creatorId, long assigneeId, TaskStatus status, Instant startedAt, Instant completedAt, String comment) {
		this.creatorId = creatorId;
		this.assigneeId = assigneeId;
		this.status = Objects.requireNonNull(status);
		this.startedAt = startedAt;
		this.completedAt = completedAt;
		this.comment = comment;
	}

	void start(long actorId, Instant now) {
		require(actorId == this.assigneeId, "only the assignee starts a task / 只有执行人可以开始任务");
		require(this.status == TaskStatus.ASSIGNED, "only an assigned task can be started / 任务不是待执行状态");
		this.status = TaskStatus.IN_PROGRESS;
		this.startedAt = now;
	}

	void complete(long actorId, String comment, Instant now) {
		require(actorId == this.assigneeId, "only the assignee completes a task / 只有执行人可以完成任务");
		require(this.status == TaskStatus.ASSIGNED || this.status == TaskStatus.IN_PROGRESS,
				"the task is already finished / 任务已结束");
		this.status = TaskStatus.DONE;
		this.completedAt = now;
		this.comment = comment;
	}

	void cancel(long actorId, boolean dispatcher, String comment, Instant now) {
		require(actorId == this.creatorId || dispatcher, "only the centre cancels a task / 只有指挥中心可以取消任务");
		require(this.status == TaskStatus.ASSIGNED || this.status == TaskStatus.IN_PROGRESS,
				"the task is already finished / 任务已结束");
		this.status = TaskStatus.CANCELLED;
		this.completedAt = now;
		this.comment = comment;
	}

	private static void require(boolean condition, String why) {
		if (!condition) {
			throw new ConflictException(why);
		}
	}

	TaskStatus status() {
		return this.status;
	}

	Instant startedAt() {
		return this.startedAt;
	}

	Instant completedAt() {
		return this.completedAt;
	}

	String comment() {
		return this.comment;
	}

	enum TaskStatus {

		ASSIGNED, IN_PROGRESS, DONE, CANCELLED

	}

}
