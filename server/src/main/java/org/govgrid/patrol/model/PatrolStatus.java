package org.govgrid.patrol.model;

/** Where a patrol stands: under way, or ended by its worker. */
public enum PatrolStatus {

	ACTIVE, FINISHED

}
