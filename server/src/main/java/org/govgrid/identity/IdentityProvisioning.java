package org.govgrid.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates departments and accounts for system set-up (first administrator, demo data).
 * Accounts made here always start with {@code mustChangePassword}.
 */
@Service
public class IdentityProvisioning {

	private final UserAccountRepository users;

	private final RoleRepository roles;

	private final DepartmentRepository departments;

	private final RegionService regions;

	private final PasswordEncoder encoder;

	IdentityProvisioning(UserAccountRepository users, RoleRepository roles, DepartmentRepository departments,
			RegionService regions, PasswordEncoder encoder) {
		this.users = users;
		this.roles = roles;
		this.departments = departments;
		this.regions = regions;
		this.encoder = encoder;
	}

	@Transactional(readOnly = true)
	public boolean hasAnyUser() {
		return this.users.count() > 0;
	}

	@Transactional(readOnly = true)
	public boolean userExists(String username) {
		return this.users.existsByUsername(username);
	}

	/** The id of an account, if there is one with this name. */
	@Transactional(readOnly = true)
	public Optional<Long> userId(String username) {
		return this.users.findByUsername(username).map(UserAccount::getId);
	}

	/** Creates the department unless its code exists; returns its id. */
	@Transactional
	public long department(String code, String name, long regionId) {
		return this.departments.findByCode(code).map(Department::getId).orElseGet(() -> {
			RegionSummary region = this.regions.find(regionId).orElseThrow();
			Department department = new Department(code, name);
			department.describe(code, name, region.id(), region.path());
			return this.departments.save(department).getId();
		});
	}

	/**
	 * Creates an account with an initial password that must be changed at first sign-in.
	 */
	@Transactional
	public long account(String username, String displayName, List<String> roleCodes, long scopeRegionId,
			Long departmentId, String initialPassword) {
		RegionSummary region = this.regions.find(scopeRegionId).orElseThrow();
		UserAccount user = new UserAccount(username, displayName, this.encoder.encode(initialPassword));
		user.describe(displayName, null, departmentId);
		user.placeInScope(region.id(), region.path());
		user.assignRoles(new HashSet<>(this.roles.findByCodeIn(roleCodes)));
		return this.users.save(user).getId();
	}

}
