package org.govgrid.collection.model;

import java.util.Locale;

/** A step of a record's review, as written into its review trail. */
public enum RecordAction {

	SUBMIT, APPROVE, RETURN, RESUBMIT;

	/** The action as the API spells it ({@code /records/{id}/approve}). */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

}
