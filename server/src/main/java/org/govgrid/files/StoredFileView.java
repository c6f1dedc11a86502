package org.govgrid.files;

import java.time.Instant;

/**
 * A stored file as the API shows it; {@code url} downloads it, {@code thumbnailUrl}
 * previews an image, {@code video} is what the probe of an mp4 found (else null).
 */
public record StoredFileView(long id, String name, String contentType, long size, String sha256, Integer width,
		Integer height, String url, String thumbnailUrl, Instant createdAt, Video video) {

	/**
	 * An mp4's video track: size, frames per second, duration, and whether it is the
	 * standard's 1080p25 (标准 7.3.2d); {@code note} says why not. Kept either way.
	 */
	public record Video(int width, int height, Double frameRate, Long durationMs, boolean compliant, String note) {
	}

}
