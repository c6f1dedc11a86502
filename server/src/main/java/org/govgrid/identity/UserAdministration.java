package org.govgrid.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.platform.ConflictException;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.FieldErrors;
import org.govgrid.platform.NotFoundException;
import org.govgrid.platform.PageQuery;
import org.govgrid.platform.PageResponse;
import org.govgrid.identity.UserViews.CreatedUser;
import org.govgrid.identity.UserViews.TemporaryPassword;
import org.govgrid.identity.UserViews.UserForm;
import org.govgrid.identity.UserViews.UserView;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * User administration. An administrator sees and changes only users whose scope lies in
 * their own; anyone else is 404. 三员分立: one account holds at most one of the system admin,
 * security admin and auditor roles, and nobody changes their own account here.
 */
@Service
class UserAdministration {

	static final Set<String> SEPARATED_DUTIES = Set.of("SYS_ADMIN", "SEC_ADMIN", "AUDITOR");

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{2,63}");

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private final UserAccountRepository users;

	private final RoleRepository roles;

	private final DepartmentRepository departments;

	private final DeviceRepository devices;

	private final RegionService regions;

	private final PasswordEncoder encoder;

	private final SessionTerminator sessions;

	private final AuditTrail audit;

	private final PasswordResets resets;

	private final org.govgrid.messaging.SmsGateway sms;

	UserAdministration(UserAccountRepository users, RoleRepository roles, DepartmentRepository departments,
			DeviceRepository devices, RegionService regions, PasswordEncoder encoder, SessionTerminator sessions,
			AuditTrail audit, PasswordResets resets, org.govgrid.messaging.SmsGateway sms) {
		this.resets = resets;
		this.sms = sms;
		this.users = users;
		this.roles = roles;
		this.departments = departments;
		this.devices = devices;
		this.regions = regions;
		this.encoder = encoder;
		this.sessions = sessions;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	PageResponse<UserView> list(String q, PageQuery paging, DataScope scope) {
		String term = q == null || q.isBlank() ? null : "%" + q.trim().toLowerCase() + "%";
		Page<UserAccount> page = this.users.search(scope.path(), scope.descendantsPattern(), term,
				paging.toPageable(Sort.by("username")));
		return PageResponse.of(page, views(page.getContent())::get);
	}

	/** A page of the accounts in scope (cancelled ones left out), for exports. */
	Page<UserAccount> page(String term, org.springframework.data.domain.Pageable page, DataScope scope) {
		return this.users.search(scope.path(), scope.descendantsPattern(), term, page);
	}

	@Transactional(readOnly = true)
	UserView get(long id, DataScope scope) {
		return view(visible(id, scope));
	}

	@Transactional
	CreatedUser create(UserForm form, DataScope scope, long actingUserId) {
		FieldErrors errors = new FieldErrors();
		if (form.username() == null || !USERNAME.matcher(form.username()).matches()) {
			errors.add("username",
					"3–64 letters, digits, _ . - starting with a letter / 用户名须为 3–64 位字母、数字或 _ . -，以字母开头");
		}
		else if (this.users.existsByUsername(form.username())) {
			errors.add("username", "already taken / 用户名已存在");
		}
		Placement placement = validate(form, scope, errors);
		java.util.Optional<String> duty = form.roles() == null ? java.util.Optional.empty()
				: SeparatedDuties.dutyOf(form.roles());
		boolean rolesValid = errors.list().stream().noneMatch(problem -> problem.field().equals("roles"));
		if (duty.isPresent() && rolesValid && (form.phone() == null || form.phone().isBlank())) {
			errors.add("phone",
					"required for a system admin, security admin or auditor: the temporary password goes to it / 三员账号须登记手机号，临时密码将发送至该手机");
		}
		errors.throwIfAny();
		SeparatedDuties.requireSameDuty(roleCodesOf(actingUserId), duty, "creating");
		String temporary = TemporaryPasswords.generate();
		UserAccount user = new UserAccount(form.username(), form.displayName().trim(), this.encoder.encode(temporary));
		apply(user, form, placement);
		this.users.save(user);
		this.audit.record(AuditRecord.success("USER_CREATE", "user", user.getId(),
				user.getUsername() + " roles=" + placement.roles().stream().map(Role::getCode).sorted().toList()));
		if (duty.isPresent()) {
			// 三员分立: the creator never learns a separated admin's first password
			this.sms.send(new org.govgrid.messaging.SmsMessage(user.getId(), user.getPhone(),
					"【GovGrid】您的账号 " + user.getUsername() + " 已开通，初始密码：" + temporary + "，首次登录须修改。"));
			return new CreatedUser(view(user), null);
		}
		return new CreatedUser(view(user), temporary);
	}

	@Transactional
	UserView update(long id, UserForm submitted, DataScope scope, long actingUserId) {
		UserAccount user = visible(id, scope);
		refuseSelf(user, actingUserId);
		UserForm form = keepingUnchangedPhone(submitted, user);
		FieldErrors errors = new FieldErrors();
		Placement placement = validate(form, scope, errors);
		errors.throwIfAny();
		Set<String> callerRoles = roleCodesOf(actingUserId);
		SeparatedDuties.requireSameDuty(callerRoles, SeparatedDuties.dutyOf(roleCodes(user)), "changing");
		SeparatedDuties.requireSameDuty(callerRoles, SeparatedDuties.dutyOf(form.roles()), "granting");
		Set<String> rolesBefore = roleCodes(user);
		Long scopeBefore = user.getScopeRegionId();
		Long departmentBefore = user.getDepartmentId();
		apply(user, form, placement);
		// the department decides which events a handler may act on, as roles and scope
		// decide the rest: a session holding the old ones must not live on
		boolean securityRelevant = !rolesBefore.equals(roleCodes(user)) || !scopeBefore.equals(user.getScopeRegionId())
				|| !java.util.Objects.equals(departmentBefore, user.getDepartmentId());
		if (securityRelevant) {
			this.sessions.endSessionsOf(user.getUsername());
		}
		this.audit.record(AuditRecord.success("USER_UPDATE", "user", user.getId(),
				user.getUsername() + " roles=" + roleCodes(user) + (securityRelevant ? " (sessions ended)" : "")));
		return view(user);
	}

	@Transactional
	UserView disable(long id, DataScope scope, long actingUserId) {
		UserAccount user = visible(id, scope);
		refuseSelf(user, actingUserId);
		user.disable();
		int ended = this.sessions.endSessionsOf(user.getUsername());
		this.audit.record(AuditRecord.success("USER_DISABLE", "user", user.getId(),
				user.getUsername() + ", " + ended + " session(s) ended"));
		return view(user);
	}

	@Transactional
	UserView enable(long id, DataScope scope, long actingUserId) {
		UserAccount user = visible(id, scope);
		refuseSelf(user, actingUserId);
		user.enable();
		this.audit.record(AuditRecord.success("USER_ENABLE", "user", user.getId(), user.getUsername()));
		return view(user);
	}

	@Transactional
	UserView unlock(long id, DataScope scope) {
		UserAccount user = visible(id, scope);
		user.unlock();
		this.audit.record(AuditRecord.success("USER_UNLOCK", "user", user.getId(), user.getUsername()));
		return view(user);
	}

	/**
	 * A temporary password for an ordinary account; for a separated admin a pending
	 * request that a second admin approves ({@link PasswordResets}).
	 */
	@Transactional
	Object resetPassword(long id, DataScope scope, long actingUserId) {
		UserAccount user = visible(id, scope);
		refuseSelf(user, actingUserId);
		java.util.Optional<String> duty = SeparatedDuties.dutyOf(roleCodes(user));
		if (duty.isPresent()) {
			SeparatedDuties.requireSameDuty(roleCodesOf(actingUserId), duty, "resetting the password");
			return this.resets.request(user, duty.get(), actingUserId);
		}
		String temporary = TemporaryPasswords.generate();
		user.resetPassword(this.encoder.encode(temporary), java.time.Instant.now());
		this.sessions.endSessionsOf(user.getUsername());
		this.audit.record(AuditRecord.success("USER_PASSWORD_RESET", "user", user.getId(), user.getUsername()));
		return new TemporaryPassword(temporary);
	}

	@Transactional
	void cancel(long id, DataScope scope, long actingUserId) {
		UserAccount user = visible(id, scope);
		refuseSelf(user, actingUserId);
		user.cancel();
		this.devices.unbindUser(user.getId());
		this.sessions.endSessionsOf(user.getUsername());
		this.audit.record(AuditRecord.success("USER_CANCEL", "user", user.getId(), user.getUsername()));
	}

	UserAccount visible(long id, DataScope scope) {
		return this.users.findById(id)
			.filter(u -> u.getStatus() != AccountStatus.CANCELLED && scope.covers(u.getScopePath()))
			.orElseThrow(() -> new NotFoundException("user", id));
	}

	/**
	 * Clients only ever see the masked phone; sending that mask back unchanged means
	 * "keep the number", not "store the asterisks".
	 */
	private static UserForm keepingUnchangedPhone(UserForm form, UserAccount user) {
		if (form.phone() != null && user.getPhone() != null
				&& form.phone().trim().equals(UserViews.maskPhone(user.getPhone()))) {
			return new UserForm(form.username(), form.displayName(), user.getPhone(), form.departmentId(),
					form.scopeRegionId(), form.roles());
		}
		return form;
	}

	private static void refuseSelf(UserAccount user, long actingUserId) {
		if (user.getId() == actingUserId) {
			throw new ConflictException("you cannot change your own account here / 不能在此修改自己的账号");
		}
	}

	private Placement validate(UserForm form, DataScope scope, FieldErrors errors) {
		if (form.displayName() == null || form.displayName().isBlank()) {
			errors.add("displayName", "required / 姓名必填");
		}
		else if (form.displayName().trim().length() > 100) {
			errors.add("displayName", "at most 100 characters / 最多 100 个字符");
		}
		if (form.phone() != null && !form.phone().isBlank() && !PHONE.matcher(form.phone().trim()).matches()) {
			errors.add("phone", "not a valid mobile or landline number / 电话号码格式不正确");
		}
		RegionSummary region = null;
		if (form.scopeRegionId() == null) {
			errors.add("scopeRegionId", "required / 管辖区域必填");
		}
		else {
			region = this.regions.find(form.scopeRegionId()).filter(r -> scope.covers(r.path())).orElse(null);
			if (region == null) {
				errors.add("scopeRegionId", "no such region in your scope / 区域不存在或不在您的管辖范围内");
			}
		}
		if (form.departmentId() != null && this.departments.findById(form.departmentId())
			.filter(d -> scope.covers(d.getRegionPath()) || scope.isUnder(d.getRegionPath()))
			.isEmpty()) {
			errors.add("departmentId", "no such department / 部门不存在");
		}
		Set<Role> assigned = new HashSet<>();
		if (form.roles() == null || form.roles().isEmpty()) {
			errors.add("roles", "at least one role / 至少选择一个角色");
		}
		else {
			Map<String, Role> found = this.roles.findByCodeIn(form.roles())
				.stream()
				.collect(Collectors.toMap(Role::getCode, Function.identity()));
			List<String> unknown = form.roles().stream().filter(code -> !found.containsKey(code)).toList();
			if (!unknown.isEmpty()) {
				errors.add("roles", "unknown role(s) " + unknown + " / 角色不存在");
			}
			else if (form.roles().stream().filter(SEPARATED_DUTIES::contains).distinct().count() > 1) {
				errors.add("roles",
						"system admin, security admin and auditor must be separate accounts / 系统管理员、安全管理员、审计员须由不同账号担任（三员分立）");
			}
			else if (RoleController.mixesAuditAndAdministration(
					found.values().stream().flatMap(role -> role.getPermissions().stream()).toList())) {
				errors.add("roles",
						"audit and administration permissions cannot be held by one account / 审计权限与管理权限不能由同一账号持有（三员分立）");
			}
			assigned.addAll(found.values());
		}
		return new Placement(region, assigned);
	}

	private static void apply(UserAccount user, UserForm form, Placement placement) {
		String phone = form.phone() == null || form.phone().isBlank() ? null : form.phone().trim();
		user.describe(form.displayName().trim(), phone, form.departmentId());
		user.placeInScope(placement.region().id(), placement.region().path());
		user.assignRoles(placement.roles());
	}

	private Set<String> roleCodesOf(long userId) {
		return this.users.findById(userId).map(UserAdministration::roleCodes).orElse(Set.of());
	}

	private static Set<String> roleCodes(UserAccount user) {
		return user.getRoles().stream().map(Role::getCode).collect(Collectors.toCollection(java.util.TreeSet::new));
	}

	private UserView view(UserAccount user) {
		return views(List.of(user)).get(user);
	}

	/**
	 * Views of several users with their department and region names read in one query
	 * each.
	 */
	private Map<UserAccount, UserView> views(List<UserAccount> users) {
		Set<Long> departmentIds = users.stream()
			.map(UserAccount::getDepartmentId)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, String> departmentNames = this.departments.findAllById(departmentIds)
			.stream()
			.collect(Collectors.toMap(Department::getId, Department::getName));
		Map<Long, String> regionNames = this.regions
			.namesOf(users.stream().map(UserAccount::getScopeRegionId).collect(Collectors.toSet()));
		Map<UserAccount, UserView> views = new java.util.IdentityHashMap<>();
		java.time.Instant now = java.time.Instant.now();
		for (UserAccount user : users) {
			views.put(user,
					new UserView(user.getId(), user.getUsername(), user.getDisplayName(),
							UserViews.maskPhone(user.getPhone()), user.getDepartmentId(),
							departmentNames.get(user.getDepartmentId()), user.getScopeRegionId(),
							regionNames.get(user.getScopeRegionId()), roleCodes(user).stream().toList(),
							user.getStatus() == AccountStatus.ACTIVE, user.isLocked(now), user.isMustChangePassword(),
							user.getStatus().name(), user.getLastLoginAt(), user.getCreatedAt()));
		}
		return views;
	}

	private record Placement(RegionSummary region, Set<Role> roles) {
	}

}
