package org.govgrid.dispatch;

import java.util.List;

import org.govgrid.messaging.Notice;
import org.govgrid.messaging.Notifications;
import org.springframework.stereotype.Component;

/** Tells a person a task was given to them. */
@Component
class TaskNotices {

	private final Notifications notifications;

	TaskNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	void assigned(long taskId, String title, long assigneeId) {
		this.notifications.send(List.of(assigneeId),
				new Notice(Notice.TASK_ASSIGNED, "新任务 " + title, null, "/dispatch/tasks", "task", taskId));
	}

}
