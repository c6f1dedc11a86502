package org.govgrid.platform;

/** The authenticated user as every module sees it: who, and which data they may see. */
public interface ScopedPrincipal {

	long userId();

	String username();

	DataScope scope();

	String displayName();

	/** The department the user works in, if any (department handlers). */
	Long departmentId();

	/** Permission codes ({@code module:resource:action}). */
	java.util.Set<String> permissions();

	default boolean can(String permission) {
		return permissions().contains(permission);
	}

}
