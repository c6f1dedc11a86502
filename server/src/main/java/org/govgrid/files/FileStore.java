package org.govgrid.files;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where file bytes live: the local data dir by default, S3-compatible storage in
 * production.
 */
public interface FileStore {

	void put(String key, InputStream content) throws IOException;

	InputStream open(String key) throws IOException;

	void delete(String key) throws IOException;

}
