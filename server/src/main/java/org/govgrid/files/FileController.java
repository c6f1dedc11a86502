package org.govgrid.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.govgrid.files.FileService.FileRow;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.NotFoundException;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
	 * page.
	 */
	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('files:file:read')")
	ResponseEntity<InputStreamResource> download(@PathVariable long id) throws IOException {
		FileRow file = this.files.visible(id, CurrentUser.require());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(this.files.open(file.storageKey())));
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
