package org.govgrid.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;

import org.govgrid.platform.InvalidInputException;
import org.govgrid.platform.ScopedPrincipal;

import org.springframework.stereotype.Service;

/**
 * Files that reach the platform other than by an upload from the console or the phone (a
 * video-AI platform's snapshot): sniffed, checked and stored exactly like an upload, as a
 * file of {@code uploader} that can then be attached by them.
 */
@Service
public class FileIntake {

	private final FileService files;

	FileIntake(FileService files) {
		this.files = files;
	}

	/**
	 * Stores a JPEG (sniffed by its bytes; anything else is a 400 naming {@code field}),
	 * with its thumbnail.
	 */
	public StoredFileView storeJpeg(String field, String name, byte[] content, ScopedPrincipal uploader) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException(field, "required, not empty / 请提供非空图片");
		}
		try {
			return this.files.store(
					new FileService.Upload(field, name, content.length, () -> new ByteArrayInputStream(content)),
					EnumSet.of(FileKind.JPEG), uploader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
