package org.govgrid.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Roles and the permission catalogue. Built-in roles are fixed by migrations (their
 * separation of duties must not be edited away); custom roles may not mix audit
 * permissions with administration ones.
 */
@RestController
class RoleController {

	private final RoleRepository roles;

	private final PermissionRepository permissions;

	private final UserAccountRepository users;

	private final SessionTerminator sessions;

	private final AuditTrail audit;

	RoleController(RoleRepository roles, PermissionRepository permissions, UserAccountRepository users,
			SessionTerminator sessions, AuditTrail audit) {
		this.roles = roles;
		this.permissions = permissions;
		this.users = users;
		this.sessions = sessions;
		this.audit = audit;
	}

	@GetMapping("/api/v1/permissions")
	@PreAuthorize("hasAuthority('identity:role:read')")
	@Transactional(readOnly = true)
	List<PermissionView> permissions() {
		return this.permissions.findAllByOrderByModuleAscCodeAsc()
			.stream()
			.map(p -> new PermissionView(p.getCode(), p.getModule(), p.getName()))
			.toList();
	}

	@GetMapping("/api/v1/roles")
	@PreAuthorize("hasAuthority('identity:role:read')")
	@Transactional(readOnly = true)
	List<RoleView> list() {
		return this.roles.findAllByOrderByIdAsc().stream().map(RoleController::view).toList();
	}

	@GetMapping("/api/v1/roles/{id}")
	@PreAuthorize("hasAuthority('identity:role:read')")
	@Transactional(readOnly = true)
	RoleView get(@PathVariable long id) {
		return view(find(id));
	}

	@PostMapping("/api/v1/roles")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAuthority('identity:role:write')")
	@Transactional
	RoleView create(@RequestBody RoleForm form) {
		FieldErrors errors = new FieldErrors();
		if (form.code() == null || !form.code().matches("[A-Z][A-Z0-9_]{1,31}")) {
			errors.add("code", "2–32 upper-case letters, digits or _ / 编码须为 2–32 位大写字母、数字或下划线");
		}
		else if (this.roles.findByCode(form.code()).isPresent()) {
			errors.add("code", "already in use / 编码已存在");
		}
		Set<String> granted = validate(form, errors);
		errors.throwIfAny();
		Role role = new Role(form.code(), form.name().trim(), form.description());
		role.describe(form.name().trim(), form.description(), granted);
		this.roles.save(role);
		this.audit.record(AuditRecord.success("ROLE_CREATE", "role", role.getId(), role.getCode() + " " + granted));
		return view(role);
	}

	@PutMapping("/api/v1/roles/{id}")
	@PreAuthorize("hasAuthority('identity:role:write')")
	@Transactional
	RoleView update(@PathVariable long id, @RequestBody RoleForm form) {
		Role role = find(id);
		if (role.isBuiltIn()) {
			throw new ConflictException("built-in roles cannot be changed / 内置角色不可修改");
		}
		FieldErrors errors = new FieldErrors();
		if (form.code() != null && !form.code().equals(role.getCode())) {
			errors.add("code", "a role's code cannot change / 角色编码不可修改");
		}
		Set<String> granted = validate(form, errors);
		for (UserAccount holder : this.users.findByRoleId(id)) {
			if (holder.getStatus() == AccountStatus.CANCELLED) {
				continue;
			}
			Set<String> combined = new TreeSet<>(granted);
			holder.getRoles()
				.stream()
				.filter(other -> !other.getId().equals(role.getId()))
				.forEach(other -> combined.addAll(other.getPermissions()));
			if (mixesAuditAndAdministration(combined)) {
				errors.add("permissions", "holder " + holder.getUsername()
						+ " would hold audit and administration permissions / 持有该角色的用户将同时拥有审计权限与管理权限（三员分立）");
				break;
			}
		}
		errors.throwIfAny();
		role.describe(form.name().trim(), form.description(), granted);
		// holders get the new permissions at their next sign-in
		this.users.findByRoleId(id).forEach(u -> this.sessions.endSessionsOf(u.getUsername()));
		this.audit.record(AuditRecord.success("ROLE_UPDATE", "role", role.getId(), role.getCode() + " " + granted));
		return view(role);
	}

	@DeleteMapping("/api/v1/roles/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PreAuthorize("hasAuthority('identity:role:write')")
	@Transactional
	void delete(@PathVariable long id) {
		Role role = find(id);
		if (role.isBuiltIn()) {
			throw new ConflictException("built-in roles cannot be deleted / 内置角色不可删除");
		}
		if (!this.users.findByRoleId(id).isEmpty()) {
			throw new ConflictException("the role is still assigned / 角色仍被用户使用，不能删除");
		}
		this.roles.delete(role);
		this.audit.record(AuditRecord.success("ROLE_DELETE", "role", id, role.getCode()));
	}

	private Role find(long id) {
		return this.roles.findById(id).orElseThrow(() -> new NotFoundException("role", id));
	}

	private Set<String> validate(RoleForm form, FieldErrors errors) {
		if (form.name() == null || form.name().isBlank() || form.name().trim().length() > 100) {
			errors.add("name", "required, at most 100 characters / 名称必填，最多 100 个字符");
		}
		if (form.description() != null && form.description().length() > 500) {
			errors.add("description", "at most 500 characters / 最多 500 个字符");
		}
		Set<String> granted = form.permissions() == null ? Set.of() : new TreeSet<>(form.permissions());
		Set<String> known = this.permissions.findAll().stream().map(Permission::getCode).collect(Collectors.toSet());
		List<String> unknown = granted.stream().filter(p -> !known.contains(p)).toList();
		if (!unknown.isEmpty()) {
			errors.add("permissions", "unknown permission(s) " + unknown + " / 权限不存在");
		}
		if (mixesAuditAndAdministration(granted)) {
			errors.add("permissions",
					"audit and administration permissions cannot share a role / 审计权限与管理权限不能出现在同一角色（三员分立）");
		}
		return granted;
	}

	/**
	 * 三员分立 in permissions: audit rights never together with identity administration,
	 * whether in one role or across the roles of one account.
	 */
	static boolean mixesAuditAndAdministration(Collection<String> permissions) {
		boolean audits = permissions.stream().anyMatch(p -> p.startsWith("audit:"));
		boolean administers = permissions.stream().anyMatch(p -> p.startsWith("identity:") && !p.endsWith(":read"));
		return audits && administers;
	}

	private static RoleView view(Role role) {
		return new RoleView(role.getId(), role.getCode(), role.getName(), role.getDescription(), role.isBuiltIn(),
				new TreeSet<>(role.getPermissions()));
	}

	record RoleForm(String code, String name, String description, List<String> permissions) {
	}

	record RoleView(long id, String code, String name, String description, boolean builtIn, Set<String> permissions) {
	}

	record PermissionView(String code, String module, String name) {
	}

}
