package org.govgrid.ops.jobs;

import java.util.List;

import org.govgrid.ops.jobs.JobViews.JobView;
import org.govgrid.ops.jobs.JobViews.RunView;
import org.govgrid.platform.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scheduled jobs of the platform (标准 §8). The system admin runs the safe ones; the
 * auditor reads them and changes nothing (三员分立).
 */
@RestController
@RequestMapping("/api/v1/ops/jobs")
class JobController {

	private final Jobs jobs;

	JobController(Jobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('ops:job:read')")
	List<JobView> list() {
		return this.jobs.list();
	}

	@GetMapping("/{name}/runs")
	@PreAuthorize("hasAuthority('ops:job:read')")
	List<RunView> runs(@PathVariable String name) {
		return this.jobs.runs(name);
	}

	@PostMapping("/{name}/run")
	@PreAuthorize("hasAuthority('ops:job:run')")
	RunView run(@PathVariable String name) {
		return this.jobs.run(name, CurrentUser.require());
	}

}
