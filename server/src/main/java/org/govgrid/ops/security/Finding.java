package org.govgrid.ops.security;

/**
 * One finding of a security report. {@code code} is stable (the console titles it);
 * {@code subject} names what it is about (a component and version, a setting, accounts);
 * {@code detail} explains it in plain words.
 *
 * @param severity {@code CRITICAL}, {@code HIGH}, {@code MEDIUM} or {@code LOW}
 */
record Finding(String code, String severity, String subject, String detail, String advisoryId, String fixedVersion) {

	static final String VULNERABLE_COMPONENT = "VULNERABLE_COMPONENT";

	static Finding of(String code, String severity, String subject, String detail) {
		return new Finding(code, severity, subject, detail, null, null);
	}

	int rank() {
		int index = Advisory.SEVERITIES.indexOf(this.severity);
		return (index < 0) ? Advisory.SEVERITIES.size() : index;
	}

}
