package org.govgrid.dispatch;

import org.springframework.stereotype.Component;

/** Tells a person a task was given to them. */
@Component
class TaskNotices {

	void assigned(long taskId, String title, long assigneeId) {
	}

}
