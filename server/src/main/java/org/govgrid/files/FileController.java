package org.govgrid.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.nio.charset.StandardCharsets;

import org.govgrid.files.FileService.FileRow;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.NotFoundException;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/files")
class FileController {

	private final FileService files;

	FileController(FileService files) {
		this.files = files;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('files:file:upload')")
	StoredFileView upload(@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		return this.files.upload(file, CurrentUser.require());
	}

	/**
	 * Always an attachment, with the sniffed type: never rendered by the browser as a
	 * page. One byte range ({@code Range: bytes=a-b}) is answered with 206 so that a
	 * video can seek; several ranges get the whole file, an unsatisfiable one 416.
	 */
	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('files:file:read')")
	ResponseEntity<InputStreamResource> download(@PathVariable long id,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) String range) throws IOException {
		FileRow file = this.files.visible(id, CurrentUser.require());
		List<HttpRange> ranges = parse(range);
		if (ranges.size() != 1) {
			return headers(ResponseEntity.ok(), file).contentLength(file.size())
				.body(new InputStreamResource(this.files.open(file.storageKey())));
		}
		long start = ranges.get(0).getRangeStart(file.size());
		long end = ranges.get(0).getRangeEnd(file.size());
		if (file.size() == 0 || start >= file.size() || end < start) {
			return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
				.header(HttpHeaders.CONTENT_RANGE, "bytes */" + file.size())
				.build();
		}
		InputStream in = this.files.open(file.storageKey());
		in.skipNBytes(start);
		return headers(ResponseEntity.status(HttpStatus.PARTIAL_CONTENT), file)
			.header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + file.size())
			.contentLength(end - start + 1)
			.body(new InputStreamResource(new BoundedInputStream(in, end - start + 1)));
	}

	private static ResponseEntity.BodyBuilder headers(ResponseEntity.BodyBuilder response, FileRow file) {
		return response.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.ACCEPT_RANGES, "bytes")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff");
	}

	/** The ranges asked for; none when absent or malformed (then the whole file). */
	private static List<HttpRange> parse(String range) {
		if (range == null || range.isBlank()) {
			return List.of();
		}
		try {
			return HttpRange.parseRanges(range);
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	/** Reads at most {@code remaining} bytes of the underlying stream. */
	private static final class BoundedInputStream extends FilterInputStream {

		private long remaining;

		BoundedInputStream(InputStream in, long remaining) {
			super(in);
			this.remaining = remaining;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int b = super.read();
			if (b >= 0) {
				this.remaining--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int n = super.read(buffer, offset, (int) Math.min(length, this.remaining));
			if (n > 0) {
				this.remaining -= n;
			}
			return n;
		}

	}

	/** Our own re-encoded JPEG, safe to show inline in an img tag. */
	@GetMapping("/{id}/thumbnail")
	@PreAuthorize("hasAuthority('files:file:read')")
	ResponseEntity<InputStreamResource> thumbnail(@PathVariable long id) throws IOException {
		FileRow file = this.files.visible(id, CurrentUser.require());
		if (file.thumbnailKey() == null) {
			throw new NotFoundException("thumbnail of file", id);
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=86400")
			.body(new InputStreamResource(this.files.open(file.thumbnailKey())));
	}

}
