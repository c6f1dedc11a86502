package org.govgrid.identity;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.CurrentUser;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Functional departments (职能部门). A user sees the departments inside their scope and those
 * of the regions above it (a town sees the district's 城管); changes only inside.
 */
@RestController
@RequestMapping("/api/v1/departments")
class DepartmentController {

	/** What a department code may be (the admin API and the import). */
	static final String CODE = "[A-Za-z0-9_-]{2,32}";

	private final DepartmentRepository departments;

	private final UserAccountRepository users;

	private final RegionService regions;

	private final AuditTrail audit;

	DepartmentController(DepartmentRepository departments, UserAccountRepository users, RegionService regions,
			AuditTrail audit) {
		this.departments = departments;
		this.users = users;
		this.regions = regions;
		this.audit = audit;
	}

	@GetMapping
	@PreAuthorize("hasAuthority('identity:dept:read')")
	@Transactional(readOnly = true)
	List<DepartmentView> list() {
		DataScope scope = CurrentUser.scope();
		List<Department> visible = this.departments.findAllByOrderByRegionPathAscCodeAsc()
			.stream()
			.filter(d -> scope.covers(d.getRegionPath()) || scope.isUnder(d.getRegionPath()))
			.toList();
		Map<Long, String> regionNames = this.regions
			.namesOf(visible.stream().map(Department::getRegionId).collect(Collectors.toSet()));
		return visible.stream().map(d -> view(d, regionNames)).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAuthority('identity:dept:read')")
	@Transactional(readOnly = true)
	DepartmentView get(@PathVariable long id) {
		DataScope scope = CurrentUser.scope();
		return this.departments.findById(id)
			.filter(d -> scope.covers(d.getRegionPath()) || scope.isUnder(d.getRegionPath()))
			.map(this::view)
			.orElseThrow(() -> new NotFoundException("department", id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('identity:dept:write')")
	@Transactional
	DepartmentView create(@RequestBody DepartmentForm form) {
		RegionSummary region = validate(form, null);
		Department department = new Department(form.code().trim(), form.name().trim());
		department.describe(form.code().trim(), form.name().trim(), region.id(), region.path());
		this.departments.save(department);
		this.audit.record(AuditRecord.success("DEPT_CREATE", "department", department.getId(), department.getName()));
		return view(department);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('identity:dept:write')")
	@Transactional
	DepartmentView update(@PathVariable long id, @RequestBody DepartmentForm form) {
		Department department = writable(id);
		RegionSummary region = validate(form, department);
		department.describe(form.code().trim(), form.name().trim(), region.id(), region.path());
		this.audit.record(AuditRecord.success("DEPT_UPDATE", "department", department.getId(), department.getName()));
		return view(department);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('identity:dept:write')")
	@Transactional
	void delete(@PathVariable long id) {
		Department department = writable(id);
		if (this.users.countActiveInDepartment(id) > 0) {
			throw new ConflictException("the department still has users / 部门下仍有用户，不能删除");
		}
		this.users.releaseCancelledFromDepartment(id);
		this.departments.delete(department);
		this.audit.record(AuditRecord.success("DEPT_DELETE", "department", id, department.getName()));
	}

	private Department writable(long id) {
		DataScope scope = CurrentUser.scope();
		return this.departments.findById(id)
			.filter(d -> scope.covers(d.getRegionPath()))
			.orElseThrow(() -> new NotFoundException("department", id));
	}

	private RegionSummary validate(DepartmentForm form, Department self) {
		DataScope scope = CurrentUser.scope();
		FieldErrors errors = new FieldErrors();
		if (form.code() == null || !form.code().trim().matches(CODE)) {
			errors.add("code", "2–32 letters, digits, _ or - / 编码须为 2–32 位字母、数字、_ 或 -");
		}
		else {
			this.departments.findByCode(form.code().trim())
				.filter(other -> self == null || !other.getId().equals(self.getId()))
				.ifPresent(other -> errors.add("code", "already in use / 编码已存在"));
		}
		if (form.name() == null || form.name().isBlank() || form.name().trim().length() > 100) {
			errors.add("name", "required, at most 100 characters / 名称必填，最多 100 个字符");
		}
		RegionSummary region = form.regionId() == null ? null
				: this.regions.find(form.regionId()).filter(r -> scope.covers(r.path())).orElse(null);
		if (region == null) {
			errors.add("regionId", "required, a region in your scope / 所属区域必填，且须在您的管辖范围内");
		}
		errors.throwIfAny();
		return region;
	}

	private DepartmentView view(Department d) {
		return view(d, this.regions.namesOf(Set.of(d.getRegionId())));
	}

	private static DepartmentView view(Department d, Map<Long, String> regionNames) {
		return new DepartmentView(d.getId(), d.getCode(), d.getName(), d.getRegionId(),
				regionNames.get(d.getRegionId()));
	}

	record DepartmentForm(String code, String name, Long regionId) {
	}

	record DepartmentView(long id, String code, String name, Long regionId, String regionName) {
	}

}
