package org.govgrid.academy;

/** The academy's permission codes (V33). */
final class AcademyPermissions {

	static final String READ = "academy:course:read";

	static final String MANAGE = "academy:course:manage";

	static final String RECORDS = "academy:record:read";

	private AcademyPermissions() {
	}

}
