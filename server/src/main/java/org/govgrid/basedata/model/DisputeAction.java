package org.govgrid.basedata.model;

/** A step of mediation; {@link #REGISTER} is recorded when the dispute is entered. */
public enum DisputeAction {

	REGISTER, MEDIATE, RESOLVE, FAIL, ESCALATE, EDIT

}
