package org.govgrid.platform;

/**
 * The object does not exist or lies outside the caller's data scope; both answer 404 so
 * that existence is never revealed.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what, Object id) {
		super(what + " " + id + " not found");
	}

}
