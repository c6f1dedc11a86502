package org.govgrid.identity;

/** ACTIVE can sign in; DISABLED is switched off (reversible); CANCELLED is 注销 (final). */
enum AccountStatus {

	ACTIVE, DISABLED, CANCELLED

}
