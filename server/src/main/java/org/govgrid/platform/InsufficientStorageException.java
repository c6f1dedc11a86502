package org.govgrid.platform;

/**
 * Bytes could not be stored because the disk is full, or would fall below the free-space
 * reserve kept for the database and the logs: answered as a 507 problem
 * ({@code …/insufficient-storage}). Whoever throws it has already removed what it had
 * half-written.
 */
public class InsufficientStorageException extends RuntimeException {

	public InsufficientStorageException(String message) {
		super(message);
	}

	public InsufficientStorageException(String message, Throwable cause) {
		super(message, cause);
	}

}
