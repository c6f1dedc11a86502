package org.govgrid.files;

import org.govgrid.platform.ScopedPrincipal;

/**
 * Decides who may read the files attached to one kind of object: a module that owns files
 * (events) provides a bean, so a file is exactly as visible as its owner.
 */
public interface FileOwnerPolicy {

	/** The owner type this policy answers for ({@code event}). */
	String ownerType();

	boolean canRead(long ownerId, ScopedPrincipal caller);

}
