package org.govgrid.ops.security;

import org.govgrid.ops.security.SecurityViews.LoadedView;
import org.govgrid.ops.security.SecurityViews.ReportView;
import org.govgrid.platform.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The daily security check (标准 8e, 8f). The security admin loads advisories; the security
 * admin, the auditor and the system admin read the reports (三员分立: the auditor changes
 * nothing).
 */
@RestController
@RequestMapping("/api/v1/ops")
class SecurityController {

	private final Advisories advisories;

	private final SecurityReports reports;

	SecurityController(Advisories advisories, SecurityReports reports) {
		this.advisories = advisories;
		this.reports = reports;
	}

	@GetMapping("/security-reports/latest")
	@PreAuthorize("hasAuthority('ops:security:read')")
	ReportView latest() {
		return ReportView.of(this.reports.latest());
	}

	/**
	 * The body is the file itself ({@code application/json} or {@code application/zip}),
	 * so that authorization comes before anything is read into a form.
	 */
	@PostMapping("/advisories")
	@PreAuthorize("hasAuthority('ops:advisory:load')")
	LoadedView load(@RequestBody(required = false) byte[] body) {
		Advisories.Loaded loaded = this.advisories.load(body, CurrentUser.require());
		return new LoadedView(loaded.loaded(), loaded.advisories(), ReportView.of(this.reports.generate()));
	}

}
