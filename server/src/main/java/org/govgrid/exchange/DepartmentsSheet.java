package org.govgrid.exchange;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.govgrid.identity.StaffImports;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/**
 * 部门 (functional departments) by code, created only: an existing code is refused, and so
 * is a second department of the same name in one region. The export lists the departments
 * the department list shows the caller.
 */
@Component
class DepartmentsSheet implements SheetKind {

	static final Column CODE = Column.text("部门编码", "code", true, "2–32 位字母、数字、_ 或 -，全局唯一", "编码");

	static final Column NAME = Column.text("部门名称", "name", true, "同一区域内不能重名", "名称");

	static final Column REGION = Column.text("所属区域编码", "regionCode", true, "区划编码，须在您的管辖范围内，如 320505006", "区域编码",
			"服务区域编码");

	private static final List<Column> COLUMNS = List.of(CODE, NAME, REGION);

	private static final List<Column> EXPORT_COLUMNS = List.of(CODE, NAME, REGION,
			Column.text("所属区域名称", "regionName", false, null));

	private final StaffImports staff;

	DepartmentsSheet(StaffImports staff) {
		this.staff = staff;
	}

	@Override
	public String kind() {
		return "departments";
	}

	@Override
	public String title() {
		return "部门";
	}

	@Override
	public String readPermission() {
		return "identity:dept:read";
	}

	@Override
	public String writePermission() {
		return "identity:dept:write";
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
		return "DEPT_EXPORT";
	}

	@Override
	public List<Column> columns() {
		return COLUMNS;
	}

	@Override
	public List<Column> exportColumns() {
		return EXPORT_COLUMNS;
	}

	@Override
	public Column key() {
		return CODE;
	}

	@Override
	public boolean save(SheetRow row, ScopedPrincipal caller) {
		StaffImports.NewDepartment department = new StaffImports.NewDepartment(row.text(CODE), row.text(NAME),
				row.text(REGION));
		row.throwIfProblems();
		this.staff.createDepartment(department, caller.scope());
		return true;
	}

	@Override
	public long count(Map<String, String> filters, ScopedPrincipal caller) {
		return this.staff.departments(caller.scope()).size();
	}

	@Override
	public void export(Map<String, String> filters, boolean unmask, ScopedPrincipal caller,
			Consumer<List<Object>> rows) {
		this.staff.departments(caller.scope())
			.forEach(d -> rows.accept(Arrays.asList(d.code(), d.name(), d.regionCode(), d.regionName())));
	}

}
