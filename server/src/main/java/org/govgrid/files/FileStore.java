package org.govgrid.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where file bytes live: the local data dir by default, S3-compatible storage in
 * production.
 */
public interface FileStore {

	/**
	 * Stores {@code content} (about {@code size} bytes) under {@code key}, whole or not
	 * at all: a store without room throws
	 * {@link org.govgrid.platform.InsufficientStorageException} and keeps nothing.
	 */
	void put(String key, InputStream content, long size) throws IOException;

	InputStream open(String key) throws IOException;

	void delete(String key) throws IOException;

}
