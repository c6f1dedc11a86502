package org.govgrid.party;

import java.util.Optional;

/**
 * The levels of a party organisation, from the top: 党委, 党总支, 党支部, 党小组. A child's level is
 * strictly below its parent's; only a 党委 may stand without a parent.
 */
enum OrganizationType {

	COMMITTEE("党委"), GENERAL_BRANCH("党总支"), BRANCH("党支部"), GROUP("党小组");

	private final String label;

	OrganizationType(String label) {
		this.label = label;
	}

	String label() {
		return this.label;
	}

	/**
	 * Whether an organisation of this type may hang under one of {@code parent}'s type.
	 */
	boolean mayHangUnder(OrganizationType parent) {
		return parent != null && parent.ordinal() < ordinal();
	}

	/** Whether this type may stand at the top of a tree. */
	boolean mayStandAlone() {
		return this == COMMITTEE;
	}

	static Optional<OrganizationType> parse(String value) {
		return PartyCodes.parse(OrganizationType.class, value);
	}

	/** The short letters that start a generated code. */
	String codePrefix() {
		return switch (this) {
			case COMMITTEE -> "DW";
			case GENERAL_BRANCH -> "DZZ";
			case BRANCH -> "DZB";
			case GROUP -> "DXZ";
		};
	}

}
