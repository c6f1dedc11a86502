package org.govgrid.region;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.govgrid.platform.ApiProblems;
import org.govgrid.platform.CurrentUser;
import org.govgrid.region.BoundaryImportStore.JobView;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Bulk grid boundary import (issue 20): upload, then poll the job's report. */
@RestController
@RequestMapping("/api/v1/regions/imports")
class BoundaryImportController {

	private final BoundaryImports imports;

	BoundaryImportController(BoundaryImports imports) {
		this.imports = imports;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('region:area:write')")
	Map<String, Long> start(@RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String dryRun, @RequestParam(required = false) String codeField,
			@RequestParam(required = false) String nameField, @RequestParam(required = false) String parentCodeField,
			@RequestParam(required = false) String crs, @RequestParam(required = false) Long regionId) {
		byte[] content;
		try {
			content = file == null ? null : file.getBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long id = this.imports
			.start(new BoundaryImports.Request(content, file == null ? null : file.getOriginalFilename(), dryRun,
					codeField, nameField, parentCodeField, crs, regionId), CurrentUser.require());
		return Map.of("id", id);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('region:area:write')")
	JobView get(@PathVariable long id) {
		return this.imports.find(id, CurrentUser.scope());
	}

	@ExceptionHandler(BoundaryImports.ShapefileNotAccepted.class)
	ResponseEntity<ProblemDetail> shapefile() {
		ProblemDetail problem = ApiProblems.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiProblems.INVALID_INPUT,
				"不支持的文件类型 / Unsupported file type",
				"the API takes GeoJSON only: import a zipped Shapefile through the console's boundary import"
						+ " (it converts it in the browser) or convert it to GeoJSON first"
						+ " (ogr2ogr -f GeoJSON out.geojson in.shp) / 接口仅接受 GeoJSON，请通过控制台导入 Shapefile 或先转换为 GeoJSON");
		problem.setProperty("errors", java.util.List.of(java.util.Map.of("field", "file", "message",
				"a zipped Shapefile: use the console or convert to GeoJSON / Shapefile 请通过控制台导入或先转换为 GeoJSON")));
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(problem);
	}

}
