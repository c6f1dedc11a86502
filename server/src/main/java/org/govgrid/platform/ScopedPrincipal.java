package org.govgrid.platform;

/** The authenticated user as every module sees it: who, and which data they may see. */
public interface ScopedPrincipal {

	long userId();

	String username();

	DataScope scope();

}
