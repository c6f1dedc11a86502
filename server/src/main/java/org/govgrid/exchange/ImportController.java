package org.govgrid.exchange;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import (标准 7.3.1): templates, jobs and their error reports. A job is its creator's
 * alone: anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

	private final ImportJobs jobs;

	private final ImportRunner runner;

	private final SheetKinds kinds;

	private final Templates templates;

	private final ErrorReport report;

	ImportController(ImportJobs jobs, ImportRunner runner, SheetKinds kinds, Templates templates, ErrorReport report) {
		this.jobs = jobs;
		this.runner = runner;
		this.kinds = kinds;
		this.templates = templates;
		this.report = report;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('basedata:import')")
	ImportJobs.Submitted submit(@RequestParam(required = false) String kind,
			@RequestPart(required = false) MultipartFile file) {
		ImportJobs.Submitted submitted = this.jobs.submit(kind, file, CurrentUser.require());
		this.runner.dispatch(submitted.id());
		return submitted;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('basedata:import')")
	PageResponse<ImportJobView> mine(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.jobs.mine(new PageQuery(page, size), CurrentUser.require());
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('basedata:import')")
	ImportJobView get(@PathVariable long id) {
		return this.jobs.view(id, CurrentUser.require());
	}

	@GetMapping("/{id}/errors")
	@PreAuthorize("hasAuthority('basedata:import')")
	List<RowError> errors(@PathVariable long id) {
		return this.jobs.errors(id, CurrentUser.require());
	}

	@GetMapping("/{id}/errors.xlsx")
	@PreAuthorize("hasAuthority('basedata:import')")
	void errorReport(@PathVariable long id, HttpServletResponse response) throws IOException {
		ImportJobView job = this.report.check(id, CurrentUser.require());
		response.setContentType(Workbooks.XLSX);
		response.setHeader("Content-Disposition", Workbooks.attachment("导入错误-" + job.id() + ".xlsx"));
		this.report.write(id, CurrentUser.require(), response.getOutputStream());
	}

	@GetMapping("/templates/{kind}.xlsx")
	@PreAuthorize("hasAuthority('basedata:import')")
	void template(@PathVariable String kind, HttpServletResponse response) throws IOException {
		SheetKind sheet = this.kinds.findImportable(kind)
			.orElseThrow(() -> new NotFoundException("import template", kind));
		response.setContentType(Workbooks.XLSX);
		response.setHeader("Content-Disposition", Workbooks.attachment(sheet.title() + "导入模板.xlsx"));
		this.templates.write(sheet, response.getOutputStream());
	}

}
