package org.govgrid.files;

import java.time.Instant;

/**
 * A stored file as the API shows it; {@code url} downloads it, {@code thumbnailUrl}
 * previews an image.
 */
public record StoredFileView(long id, String name, String contentType, long size, String sha256, Integer width,
		Integer height, String url, String thumbnailUrl, Instant createdAt) {
}
