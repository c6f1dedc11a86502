package org.govgrid.ops;

import java.util.List;

import org.govgrid.ops.BackupViews.BackupCommand;
import org.govgrid.ops.BackupViews.BackupView;
import org.govgrid.ops.BackupViews.DrillCommand;
import org.govgrid.ops.BackupViews.DrillView;
import org.govgrid.ops.BackupViews.Started;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backups and restore drills (标准 8g). The system admin runs them; the auditor reads them
 * and changes nothing (三员分立).
 */
@RestController
@RequestMapping("/api/v1/ops")
class BackupController {

	private final Backups backups;

	BackupController(Backups backups) {
		this.backups = backups;
	}

	@GetMapping("/backups")
	@PreAuthorize("hasAuthority('ops:backup:read')")
	List<BackupView> list() {
		return this.backups.list();
	}

	@GetMapping("/backups/{id}")
	@PreAuthorize("hasAuthority('ops:backup:read')")
	BackupView get(@PathVariable long id) {
		return this.backups.view(id);
	}

	@PostMapping("/backups")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('ops:backup:run')")
	Started start(@RequestBody(required = false) BackupCommand command) {
		return this.backups.start(command);
	}

	@PostMapping("/backups/{id}/verify")
	@PreAuthorize("hasAuthority('ops:backup:run')")
	BackupView verify(@PathVariable long id) {
		return this.backups.verify(id);
	}

	@PostMapping("/backups/{id}/drill")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasAuthority('ops:backup:run')")
	Started drill(@PathVariable long id, @RequestBody(required = false) DrillCommand command) {
		return this.backups.drill(id, command);
	}

	@GetMapping("/drills/{id}")
	@PreAuthorize("hasAuthority('ops:backup:read')")
	DrillView drill(@PathVariable long id) {
		return this.backups.drillView(id);
	}

}
