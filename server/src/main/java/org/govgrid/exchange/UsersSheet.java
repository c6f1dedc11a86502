package org.govgrid.exchange;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.govgrid.identity.StaffImports;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 用户 (accounts) by username, created only: an existing username is refused, never
 * updated. Each account made gets a random initial password of its own, kept sealed for
 * the importer's one download ({@link InitialPasswords}) and to be changed at first
 * sign-in. The export lists the accounts in the caller's scope with their roles, state
 * and last sign-in; phones masked, always.
 */
@Component
class UsersSheet implements SheetKind {

	static final Column USERNAME = Column.text("用户名", "username", true, "3–64 位字母、数字或 _ . -，以字母开头；不能与已有用户名相同（不区分大小写）",
			"登录名", "账号");

	static final Column NAME = Column.text("姓名", "displayName", true, null, "显示名", "用户姓名");

	static final Column PHONE = Column.phone("手机号", "phone", "手机或座机，加密保存", "手机号码", "联系电话");

	static final Column DEPARTMENT = Column.text("所属部门", "department", false, "部门编码，或本区域（及上级区域）内的部门名称", "部门", "部门编码");

	static final Column SCOPE = Column.text("管辖区域编码", "scopeRegionCode", true, "区划编码，须在您的管辖范围内，如 320505006", "区域编码",
			"管辖区域");

	static final Column ROLES = Column.text("角色", "roles", true, "角色编码，多个用 、 或 , 分隔，如 GRID_WORKER", "角色编码");

	private static final List<Column> COLUMNS = List.of(USERNAME, NAME, PHONE, DEPARTMENT, SCOPE, ROLES);

	/** What only an export has: the system keeps these, no import sets them. */
	private static final List<Column> EXPORT_ONLY = List.of(Column.text("部门名称", "departmentName", false, null),
			Column.text("管辖区域名称", "scopeRegionName", false, null), Column.text("状态", "status", false, null),
			Column.text("已锁定", "locked", false, null), Column.text("须修改初始密码", "mustChangePassword", false, null),
			Column.text("最后登录时间", "lastLoginAt", false, null), Column.text("创建时间", "createdAt", false, null));

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private final StaffImports staff;

	private final InitialPasswords passwords;

	private final TransactionTemplate transactions;

	UsersSheet(StaffImports staff, InitialPasswords passwords, PlatformTransactionManager transactions) {
		this.staff = staff;
		this.passwords = passwords;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String kind() {
		return "users";
	}

	@Override
	public String title() {
		return "用户";
	}

	@Override
	public String readPermission() {
		return "identity:user:read";
	}

	@Override
	public String writePermission() {
		return "identity:user:write";
	}

	@Override
	public String importPermission() {
		return "identity:user:import";
	}

	@Override
	public String exportPermission() {
		return "identity:user:export";
	}

	@Override
	public String exportAuditAction() {
		return "USER_EXPORT";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<Column> exportColumns() {
		return Stream.concat(COLUMNS.stream(), EXPORT_ONLY.stream()).toList();
	}

	@Override
	public Column key() {
		return USERNAME;
	}

	/** The account and its initial password in one transaction: both or neither. */
	@Override
	public boolean save(SheetRow row, ScopedPrincipal caller) {
		String roles = row.text(ROLES);
		StaffImports.NewUser user = new StaffImports.NewUser(row.text(USERNAME), row.text(NAME), row.text(PHONE),
				row.text(DEPARTMENT), row.text(SCOPE), roles == null ? List.of()
						: Arrays.stream(roles.split("[、,，;；\\s]+")).filter(r -> !r.isBlank()).toList());
		row.throwIfProblems();
		this.transactions.executeWithoutResult(tx -> {
			StaffImports.CreatedAccount created = this.staff.createUser(user, caller.scope());
			this.passwords.keep(row.job(), row.number(), created.username(), created.displayName(),
					created.initialPassword());
		});
		return true;
	}

	@Override
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		return this.staff.countUsers(caller.scope(), filters.get("q"));
	}

	@Override
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> rows) {
		this.staff.forEachUser(caller.scope(), filters.get("q"),
				u -> rows.accept(Arrays.asList(u.username(), u.displayName(), u.maskedPhone(), u.departmentCode(),
						u.scopeRegionCode(), String.join("、", u.roles()), u.departmentName(), u.scopeRegionName(),
						u.enabled() ? "启用" : "停用", u.locked() ? "是" : "否", u.mustChangePassword() ? "是" : "否",
						time(u.lastLoginAt()), time(u.createdAt()))));
	}

	private static String time(Instant at) {
		return at == null ? null : TIME.format(at);
	}

}
