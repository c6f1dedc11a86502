package org.govgrid.hotline.model;

/** A transition the order or extension does not allow in its current state (409). */
public class IllegalMoveException extends RuntimeException {

	public IllegalMoveException(String message) {
		super(message);
	}

}
