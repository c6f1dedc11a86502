package org.govgrid.identity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.identity.UserViews.CreatedUser;
import org.govgrid.identity.UserViews.UserForm;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.InvalidInputException;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Departments and accounts in bulk (the exchange module's {@code departments} and
 * {@code users} kinds), by region, department and role codes as a spreadsheet names them.
 * An account goes through the same checks as one made in the admin API (username rules,
 * region within the importer's scope, 三员分立 of roles), gets a random initial password of
 * its own and must change it at first sign-in; each creation is audited. Refusals name
 * their fields: {@code username}, {@code displayName}, {@code phone}, {@code department},
 * {@code scopeRegionCode}, {@code roles}; for departments {@code code}, {@code name},
 * {@code regionCode}.
 */
@Service
public class StaffImports {

	private final UserAdministration administration;

	private final UserAccountRepository users;

	private final DepartmentRepository departments;

	private final RegionService regions;

	private final AuditTrail audit;

	StaffImports(UserAdministration administration, UserAccountRepository users, DepartmentRepository departments,
			RegionService regions, AuditTrail audit) {
		this.administration = administration;
		this.users = users;
		this.departments = departments;
		this.regions = regions;
		this.audit = audit;
	}

	/** A department as a row names it. */
	public record NewDepartment(String code, String name, String regionCode) {
	}

	/**
	 * An account as a row names it; {@code department} is a department's code or its name
	 * (then among the departments of the account's region and those above it).
	 */
	public record NewUser(String username, String displayName, String phone, String department, String scopeRegionCode,
			List<String> roles) {

		@Override
		public String toString() {
			return "NewUser[" + this.username + "]";
		}

	}

	/** A created account and its initial password (for the importer's one download). */
	public record CreatedAccount(long id, String username, String displayName, String initialPassword) {

		@Override
		public String toString() {
			return "CreatedAccount[" + this.username + "]";
		}

	}

	/** An account as an export lists it; the phone is masked. */
	public record StaffRow(String username, String displayName, String maskedPhone, String departmentCode,
			String departmentName, String scopeRegionCode, String scopeRegionName, List<String> roles, boolean enabled,
			boolean locked, boolean mustChangePassword, Instant lastLoginAt, Instant createdAt) {
	}

	/** A department as an export lists it. */
	public record DepartmentRow(String code, String name, String regionCode, String regionName) {
	}

	@Transactional
	public long createDepartment(NewDepartment row, DataScope scope) {
		FieldErrors errors = new FieldErrors();
		String code = row.code() == null ? null : row.code().strip();
		String name = row.name() == null ? null : row.name().strip();
		if (code == null || !code.matches(DepartmentController.CODE)) {
			errors.add("code", "2–32 letters, digits, _ or - / 编码须为 2–32 位字母、数字、_ 或 -");
		}
		else if (this.departments.findByCode(code).isPresent()) {
			errors.add("code", "already in use / 编码已存在");
		}
		if (name == null || name.isEmpty() || name.length() > 100) {
			errors.add("name", "required, at most 100 characters / 名称必填，最多 100 个字符");
		}
		RegionSummary region = regionInScope(row.regionCode(), scope, "regionCode", errors);
		if (region != null && name != null
				&& this.departments.findAllByOrderByRegionPathAscCodeAsc()
					.stream()
					.anyMatch(d -> d.getRegionId().equals(region.id()) && d.getName().equalsIgnoreCase(name))) {
			errors.add("name", "a department of this name already serves the region / 该区域已有同名部门");
		}
		errors.throwIfAny();
		Department department = new Department(code, name);
		department.describe(code, name, region.id(), region.path());
		this.departments.save(department);
		this.audit.record(AuditRecord.success("DEPT_CREATE", "department", department.getId(),
				department.getName() + " (import)"));
		return department.getId();
	}

	/**
	 * Creates the account through the admin API's own checks, after the codes are
	 * resolved; every bad field is named at once and nothing is written then.
	 */
	/** Imports never create separated admins, so no caller's duties are consulted. */
	private static final long NO_ACTING_USER = -1;

	@Transactional
	public CreatedAccount createUser(NewUser row, DataScope scope) {
		FieldErrors errors = new FieldErrors();
		String username = row.username() == null ? null : row.username().strip();
		if (username != null && this.users.existsByUsernameIgnoreCase(username)) {
			// admin and Admin would read as one account in every list
			errors.add("username", "already taken (letter case aside) / 用户名已存在（不区分大小写）");
		}
		RegionSummary region = regionInScope(row.scopeRegionCode(), scope, "scopeRegionCode", errors);
		Long departmentId = department(row.department(), region, scope, errors);
		List<String> roles = row.roles() == null ? List.of()
				: row.roles().stream().map(r -> r.strip().toUpperCase(Locale.ROOT)).distinct().toList();
		if (SeparatedDuties.dutyOf(roles).isPresent()) {
			// 三员分立: a separated admin is made one at a time by a holder of the same duty,
			// never in bulk by whoever runs an import
			errors.add("roles",
					"system admin, security admin and auditor accounts cannot be imported / 系统管理员、安全管理员、审计员账号不能批量导入（三员分立）");
		}
		UserForm form = new UserForm(username, row.displayName(), row.phone(), departmentId,
				region == null ? null : region.id(), roles);
		CreatedUser created;
		try {
			errors.throwIfAny();
			created = this.administration.create(form, scope, NO_ACTING_USER);
		}
		catch (InvalidInputException ex) {
			Set<String> named = errors.list().stream().map(p -> p.field()).collect(Collectors.toSet());
			for (InvalidInputException.FieldProblem problem : ex.errors()) {
				String field = switch (problem.field()) {
					case "scopeRegionId" -> "scopeRegionCode";
					case "departmentId" -> "department";
					default -> problem.field();
				};
				if (!named.contains(field)) {
					errors.add(field, problem.message());
				}
			}
			errors.throwIfAny();
			throw ex;
		}
		errors.throwIfAny();
		return new CreatedAccount(created.user().id(), created.user().username(), created.user().displayName(),
				created.temporaryPassword());
	}

	/** Accounts whose scope lies in {@code scope}, by username, a page at a time. */
	@Transactional(readOnly = true)
	public void forEachUser(DataScope scope, String q, Consumer<StaffRow> rows) {
		String term = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase(Locale.ROOT) + "%";
		Instant now = Instant.now();
		int page = 0;
		Page<UserAccount> found;
		do {
			found = this.administration.page(term, PageRequest.of(page++, 500, Sort.by("username")), scope);
			List<UserAccount> accounts = found.getContent();
			Map<Long, Department> byId = this.departments
				.findAllById(accounts.stream()
					.map(UserAccount::getDepartmentId)
					.filter(java.util.Objects::nonNull)
					.collect(Collectors.toSet()))
				.stream()
				.collect(Collectors.toMap(Department::getId, d -> d));
			Map<Long, RegionSummary> regionsById = this.regions
				.findAll(List.of(), accounts.stream().map(UserAccount::getScopeRegionId).collect(Collectors.toSet()))
				.stream()
				.collect(Collectors.toMap(RegionSummary::id, r -> r));
			for (UserAccount user : accounts) {
				Department department = user.getDepartmentId() == null ? null : byId.get(user.getDepartmentId());
				RegionSummary region = regionsById.get(user.getScopeRegionId());
				rows.accept(new StaffRow(user.getUsername(), user.getDisplayName(),
						UserViews.maskPhone(user.getPhone()), department == null ? null : department.getCode(),
						department == null ? null : department.getName(), region == null ? null : region.code(),
						region == null ? null : region.name(),
						user.getRoles().stream().map(Role::getCode).sorted().toList(),
						user.getStatus() == AccountStatus.ACTIVE, user.isLocked(now), user.isMustChangePassword(),
						user.getLastLoginAt(), user.getCreatedAt()));
			}
		}
		while (found.hasNext());
	}

	@Transactional(readOnly = true)
	public long countUsers(DataScope scope, String q) {
		String term = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase(Locale.ROOT) + "%";
		return this.administration.page(term, PageRequest.of(0, 1), scope).getTotalElements();
	}

	/**
	 * The departments the department list shows the caller: inside the scope and above.
	 */
	@Transactional(readOnly = true)
	public List<DepartmentRow> departments(DataScope scope) {
		List<Department> visible = this.departments.findAllByOrderByRegionPathAscCodeAsc()
			.stream()
			.filter(d -> scope.covers(d.getRegionPath()) || scope.isUnder(d.getRegionPath()))
			.toList();
		Map<Long, RegionSummary> regionsById = this.regions
			.findAll(List.of(), visible.stream().map(Department::getRegionId).collect(Collectors.toSet()))
			.stream()
			.collect(Collectors.toMap(RegionSummary::id, r -> r));
		List<DepartmentRow> rows = new ArrayList<>();
		for (Department d : visible) {
			RegionSummary region = regionsById.get(d.getRegionId());
			rows.add(new DepartmentRow(d.getCode(), d.getName(), region == null ? null : region.code(),
					region == null ? null : region.name()));
		}
		return rows;
	}

	private RegionSummary regionInScope(String code, DataScope scope, String field, FieldErrors errors) {
		if (code == null || code.isBlank()) {
			errors.add(field, "required / 区域编码必填");
			return null;
		}
		RegionSummary region = this.regions.findByCode(code.strip()).orElse(null);
		if (region == null) {
			errors.add(field, "no region has this code / 区域编码不存在");
			return null;
		}
		if (!scope.covers(region.path())) {
			errors.add(field, "not in your area / 区域不在您的管辖范围内");
			return null;
		}
		return region;
	}

	/**
	 * The department by its code, else by its name among those serving the region or a
	 * region above it that the caller sees.
	 */
	private Long department(String text, RegionSummary region, DataScope scope, FieldErrors errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String wanted = text.strip();
		java.util.Optional<Department> byCode = this.departments.findByCode(wanted)
			.filter(d -> scope.covers(d.getRegionPath()) || scope.isUnder(d.getRegionPath()));
		if (byCode.isPresent()) {
			return byCode.get().getId();
		}
		if (region == null) {
			// the name is looked up in the region, which is already named as bad
			return null;
		}
		List<Department> named = this.departments.findAllByOrderByRegionPathAscCodeAsc()
			.stream()
			.filter(d -> d.getName().equals(wanted))
			.filter(d -> region.path().equals(d.getRegionPath()) || region.path().startsWith(d.getRegionPath() + "/"))
			.filter(d -> scope.covers(d.getRegionPath()) || scope.isUnder(d.getRegionPath()))
			.toList();
		if (named.size() == 1) {
			return named.get(0).getId();
		}
		errors.add("department",
				named.isEmpty() ? "no department has this code, nor this name in the region / 部门不存在（按编码或本区域内的名称均未找到）"
						: "several departments have this name: write the code / 同名部门有多个，请填写部门编码");
		return null;
	}

}
