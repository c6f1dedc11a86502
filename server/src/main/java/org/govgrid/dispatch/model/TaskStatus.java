package org.govgrid.dispatch.model;

/** Where a task stands; DONE and CANCELLED are final. */
public enum TaskStatus {

	ASSIGNED, IN_PROGRESS, DONE, CANCELLED;

	/** Not yet done or cancelled: the assignee may still work on it. */
	public boolean open() {
		return this == ASSIGNED || this == IN_PROGRESS;
	}

}
