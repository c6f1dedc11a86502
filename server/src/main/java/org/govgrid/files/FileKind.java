package org.govgrid.files;

import java.util.Arrays;
import java.util.Optional;

/**
 * The file types accepted, recognised by their first bytes rather than by name or the
 * client's content type (标准 7.3.2: jpg images, 1080p video).
 */
enum FileKind {

	JPEG("image/jpeg", "jpg", true), PNG("image/png", "png", true), MP4("video/mp4", "mp4", false),
	PDF("application/pdf", "pdf", false);

	private final String contentType;

	private final String extension;

	private final boolean image;

	FileKind(String contentType, String extension, boolean image) {
		this.contentType = contentType;
		this.extension = extension;
		this.image = image;
	}

	String contentType() {
		return this.contentType;
	}

	String extension() {
		return this.extension;
	}

	boolean isImage() {
		return this.image;
	}

	static Optional<FileKind> sniff(byte[] head) {
		return Arrays.stream(values()).filter(kind -> kind.matches(head)).findFirst();
	}

	private boolean matches(byte[] h) {
		return switch (this) {
			case JPEG -> startsWith(h, 0, 0xFF, 0xD8, 0xFF);
			case PNG -> startsWith(h, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
			case PDF -> startsWith(h, 0, '%', 'P', 'D', 'F', '-');
			case MP4 -> startsWith(h, 4, 'f', 't', 'y', 'p');
		};
	}

	private static boolean startsWith(byte[] head, int offset, int... expected) {
		if (head.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((head[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
