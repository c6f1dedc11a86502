package org.govgrid.patrol;

import java.util.List;

import org.govgrid.patrol.PatrolPlans.PlanCommand;
import org.govgrid.patrol.PatrolPlans.PlanView;
import org.govgrid.platform.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Patrol plans (巡查计划): planned by chiefs and the centre, read by the workers they name.
 */
@RestController
class PatrolPlanController {

	private final PatrolPlans plans;

	PatrolPlanController(PatrolPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/api/v1/patrol-plans")
	@PreAuthorize("hasAuthority('patrol:patrol:read')")
	List<PlanView> list(@RequestParam(required = false) Long gridId, @RequestParam(required = false) Long assigneeId,
			@RequestParam(required = false) String domainCode,
			@RequestParam(defaultValue = "false") boolean includeDisabled) {
		return this.plans.list(new PatrolPlans.Filter(gridId, assigneeId, domainCode, includeDisabled),
				CurrentUser.require());
	}

	@GetMapping("/api/v1/patrol-plans/mine")
	@PreAuthorize("hasAuthority('patrol:patrol:write')")
	List<PlanView> mine() {
		return this.plans.mine(CurrentUser.require());
	}

	@GetMapping("/api/v1/patrol-plans/assignees")
	@PreAuthorize("hasAuthority('patrol:plan:write')")
	List<PatrolPlans.Assignee> assignees(@RequestParam long gridId) {
		return this.plans.assignees(gridId, CurrentUser.require());
	}

	@GetMapping("/api/v1/patrol-plans/{id}")
	@PreAuthorize("hasAuthority('patrol:patrol:read')")
	PlanView get(@PathVariable long id) {
		return this.plans.get(id, CurrentUser.require());
	}

	@PostMapping("/api/v1/patrol-plans")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('patrol:plan:write')")
	PlanView create(@RequestBody PlanCommand command) {
		return this.plans.create(command, CurrentUser.require());
	}

	@PutMapping("/api/v1/patrol-plans/{id}")
	@PreAuthorize("hasAuthority('patrol:plan:write')")
	PlanView update(@PathVariable long id, @RequestBody PlanCommand command) {
		return this.plans.update(id, command, CurrentUser.require());
	}

	@DeleteMapping("/api/v1/patrol-plans/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('patrol:plan:write')")
	void disable(@PathVariable long id) {
		this.plans.disable(id, CurrentUser.require());
	}

}
