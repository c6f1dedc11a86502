package org.govgrid.exchange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk departments and users (issue 20 item 4) through the exchange jobs: a dry run
 * reports every bad row and writes nothing; the commit writes exactly the good rows; the
 * imported accounts must change their initial password, which the importer downloads
 * once; the users export lists the scope's accounts with roles and last sign-in, phones
 * masked. Everything lives in a district of its own, so no count over the demo town
 * moves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffImportIT extends ApiIntegrationTest {

	@Autowired
	RegionService regions;

	@Autowired
	IdentityProvisioning identity;

	private final String tag = "s" + Long.toString(System.nanoTime() % 1_000_000, 36);

	private RegionSummary town;

	private RegionSummary community;

	private ApiClient admin;

	private String existingDepartmentCode;

	@BeforeAll
	void aDistrictOfItsOwnAndATownAdmin() {
		long district = 0;
		String districtCode = null;
		for (int attempt = 0; districtCode == null; attempt++) {
			// 71–79: RegionApiIT takes 60–70, BoundaryImportIT 80–85 and the drawing
			// tests 95–96
			String code = "3205" + (71 + ThreadLocalRandom.current().nextInt(9));
			if (this.regions.findByCode(code).isEmpty()) {
				districtCode = code;
				district = this.regions
					.provision(RegionLevel.DISTRICT, this.accounts.region("320500").id(), code, "导入测试区" + this.tag,
							null)
					.id();
			}
		}
		this.town = this.regions.provision(RegionLevel.TOWN, district, districtCode + "001", "导入测试镇" + this.tag, null);
		this.community = this.regions.provision(RegionLevel.COMMUNITY, this.town.id(), districtCode + "001001",
				"导入测试社区" + this.tag, null);
		this.existingDepartmentCode = "EX-" + this.tag;
		this.identity.department(this.existingDepartmentCode, "综合执法局" + this.tag, this.town.id());
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", this.town.code());
	}

	@Test
	void departmentsDryRunWritesNothingAndTheCommitWritesTheGoodRows() throws Exception {
		List<String> headers = Sheets.templateHeaders(this.admin, "departments");
		assertThat(headers).containsExactly("部门编码", "部门名称", "所属区域编码");
		List<Map<String, String>> rows = new ArrayList<>();
		rows.add(department("D1-" + this.tag, "城管中队" + this.tag, this.town.code()));
		rows.add(department("D2-" + this.tag, "社区工作站" + this.tag, this.community.code()));
		rows.add(department("D3-" + this.tag, "未知区域部门", "320589999"));
		rows.add(department("D4-" + this.tag, "外镇部门", "320505007"));
		rows.add(department("D5-" + this.tag, "综合执法局" + this.tag, this.town.code()));
		rows.add(department("D6-" + this.tag, null, this.town.code()));
		rows.add(department("D1-" + this.tag, "重复编码", this.town.code()));
		rows.add(department(this.existingDepartmentCode, "已有编码", this.town.code()));
		rows.add(department("含 空格", "坏编码", this.town.code()));
		Map<Integer, String> expected = new TreeMap<>(
				Map.of(4, "所属区域编码", 5, "所属区域编码", 6, "部门名称", 7, "部门名称", 8, "部门编码", 9, "部门编码", 10, "部门编码"));
		byte[] file = Sheets.xlsx(headers, rows);

		JsonNode dry = dryRun(this.admin, "departments", file);
		assertThat(dry.path("status").asString()).isEqualTo("DONE");
		assertThat(dry.path("dryRun").asBoolean()).isTrue();
		assertThat(dry.path("rowsOk").asInt()).isEqualTo(2);
		assertThat(dry.path("created").asInt()).as("what the commit will create").isEqualTo(2);
		assertThat(dry.path("rowsFailed").asInt()).isEqualTo(7);
		assertThat(errorsByRow(this.admin, dry.path("id").asLong())).isEqualTo(expected);
		assertThat(departmentsTagged()).as("a dry run writes nothing").isZero();

		JsonNode done = Sheets.importAndWait(this.admin, "departments", "departments.xlsx", file);
		assertThat(done.path("dryRun").asBoolean()).isFalse();
		assertThat(done.path("created").asInt()).isEqualTo(2);
		assertThat(errorsByRow(this.admin, done.path("id").asLong())).isEqualTo(expected);
		assertThat(departmentsTagged()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'DEPT_CREATE' and detail like ? and username = ?",
				Integer.class, "%" + this.tag + " (import)", username(this.admin)))
			.as("each department audited")
			.isEqualTo(2);

		List<List<String>> exported = Sheets.rows(this.admin.download("/api/v1/exports/departments.xlsx"));
		assertThat(exported.get(0)).containsExactly("部门编码", "部门名称", "所属区域编码", "所属区域名称");
		assertThat(exported).extracting(r -> r.get(0)).contains("D1-" + this.tag, "D2-" + this.tag);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void usersWithABadRowAreReportedByTheDryRunAndOnlyTheGoodOnesCreatedOnCommit(CapturedOutput log) throws Exception {
		List<String> headers = Sheets.templateHeaders(this.admin, "users");
		assertThat(headers).containsExactly("用户名", "姓名", "手机号", "所属部门", "管辖区域编码", "角色");
		String phone = TestIds.phone();
		List<Map<String, String>> rows = new ArrayList<>();
		rows.add(user(this.tag + "_w1", "网格员甲", phone, this.existingDepartmentCode, this.community.code(),
				"GRID_WORKER"));
		rows.add(user(this.tag + "_w2", "网格长乙", null, "综合执法局" + this.tag, this.community.code(),
				"GRID_CHIEF, GRID_WORKER"));
		rows.add(user(this.tag + "_c1", "中心丙", null, null, this.town.code(), "CENTER_STAFF"));
		// the must-show bad row: a region code that does not exist
		rows.add(user(this.tag + "_x1", "未知区域", null, null, "320589999001", "GRID_WORKER"));
		rows.add(user(this.tag + "_x2", "外镇", null, null, "320505007", "GRID_WORKER"));
		rows.add(user(this.tag + "_x3", "未知角色", null, null, this.town.code(), "NO_SUCH_ROLE"));
		rows.add(user(this.tag + "_x4", "未知部门", null, "不存在的部门", this.town.code(), "GRID_WORKER"));
		rows.add(user(this.tag + "_W1", "文件内重复", null, null, this.town.code(), "GRID_WORKER"));
		rows.add(user("Worker1", "已有用户名", null, null, this.town.code(), "GRID_WORKER"));
		rows.add(user("\u0430dmin" + this.tag, "形近字符", null, null, this.town.code(), "GRID_WORKER"));
		rows.add(user(this.tag + "_x5", "三员", null, null, this.town.code(), "SYS_ADMIN、AUDITOR"));
		rows.add(user(this.tag + "_x6", "坏电话", "12345", null, this.town.code(), "GRID_WORKER"));
		rows.add(user(this.tag + "_x7", null, null, null, this.town.code(), null));
		Map<Integer, String> expected = new TreeMap<>();
		expected.put(5, "管辖区域编码");
		expected.put(6, "管辖区域编码");
		expected.put(7, "角色");
		expected.put(8, "所属部门");
		expected.put(9, "用户名");
		expected.put(10, "用户名");
		expected.put(11, "用户名");
		expected.put(12, "角色");
		expected.put(13, "手机号");
		expected.put(14, "姓名,角色");
		byte[] file = Sheets.xlsx(headers, rows);

		JsonNode dry = dryRun(this.admin, "users", file);
		assertThat(dry.path("status").asString()).isEqualTo("DONE");
		assertThat(dry.path("rowsOk").asInt()).isEqualTo(3);
		assertThat(dry.path("rowsFailed").asInt()).isEqualTo(10);
		assertThat(errorsByRow(this.admin, dry.path("id").asLong())).isEqualTo(expected);
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where username like ?", Integer.class,
				this.tag + "%"))
			.as("a dry run creates nobody")
			.isZero();
		assertThat(dry.path("initialPasswords").asInt()).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'USER_CREATE' and detail like ?", Integer.class,
				this.tag + "%"))
			.isZero();

		JsonNode done = Sheets.importAndWait(this.admin, "users", "users.xlsx", file);
		long job = done.path("id").asLong();
		assertThat(done.path("created").asInt()).isEqualTo(3);
		assertThat(done.path("rowsFailed").asInt()).isEqualTo(10);
		assertThat(done.path("initialPasswords").asInt()).isEqualTo(3);
		assertThat(errorsByRow(this.admin, job)).isEqualTo(expected);
		assertThat(this.jdbc.queryForList("select username from app_user where username like ? order by username",
				String.class, this.tag + "%"))
			.containsExactly(this.tag + "_c1", this.tag + "_w1", this.tag + "_w2");
		assertThat(
				this.jdbc.queryForObject("select count(*) from app_user where username like ? and must_change_password",
						Integer.class, this.tag + "%"))
			.isEqualTo(3);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'USER_CREATE' and detail like ? and username = ?",
				Integer.class, this.tag + "%", username(this.admin)))
			.as("every account audited, as its importer")
			.isEqualTo(3);
		JsonNode w2 = this.admin.get("/api/v1/users?q=" + this.tag + "_w2").json().path("items").get(0);
		assertThat(w2.path("departmentName").asString()).isEqualTo("综合执法局" + this.tag);
		assertThat(w2.path("roles").toString()).contains("GRID_CHIEF", "GRID_WORKER");
		assertThat(w2.path("scopeRegionId").asLong()).isEqualTo(this.community.id());

		// the initial passwords: once, to the importer only
		assertThat(this.accounts.signedIn(this.port, "SYS_ADMIN", this.town.code())
			.get("/api/v1/imports/" + job + "/initial-passwords.xlsx")
			.status()).as("another admin").isEqualTo(404);
		List<List<String>> passwords = Sheets
			.rows(this.admin.download("/api/v1/imports/" + job + "/initial-passwords.xlsx"));
		assertThat(passwords.get(0)).containsExactly("行号", "用户名", "姓名", "初始密码");
		assertThat(passwords).hasSize(4);
		Map<String, String> initial = new HashMap<>();
		passwords.subList(1, 4).forEach(r -> initial.put(r.get(1), r.get(3)));
		assertThat(initial).containsOnlyKeys(this.tag + "_w1", this.tag + "_w2", this.tag + "_c1");
		assertThat(new java.util.HashSet<>(initial.values())).as("a password each").hasSize(3);
		assertThat(this.admin.get("/api/v1/imports/" + job + "/initial-passwords.xlsx").status()).isEqualTo(409);
		assertThat(this.jdbc.queryForObject("select count(*) from import_initial_password where job_id = ?",
				Integer.class, job))
			.isZero();
		for (String password : initial.values()) {
			assertThat(log.getAll()).doesNotContain(password);
			assertThat(this.jdbc.queryForObject("select count(*) from audit_log where detail like ?", Integer.class,
					"%" + password + "%"))
				.isZero();
		}
		assertThat(log.getAll()).doesNotContain(phone);
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where phone like ?", Integer.class,
				"%" + phone + "%"))
			.as("the phone is sealed at rest")
			.isZero();

		// first sign-in: the initial password works only to change it
		ApiClient w1 = new ApiClient(this.port);
		Response login = w1.login(this.tag + "_w1", initial.get(this.tag + "_w1"));
		assertThat(login.status()).as(login.body()).isEqualTo(200);
		assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
		assertThat(w1.get("/api/v1/events").status()).isEqualTo(403);
		assertThat(w1.changePassword(initial.get(this.tag + "_w1"), "Imported#2026x").status()).isIn(200, 204);
		assertThat(w1.get("/api/v1/auth/me").json().path("mustChangePassword").asBoolean()).isFalse();

		// the export: the scope's accounts with roles, state and last sign-in, phones
		// masked
		List<List<String>> exported = Sheets.rows(this.admin.download("/api/v1/exports/users.xlsx?q=" + this.tag));
		assertThat(exported.get(0)).startsWith("用户名", "姓名", "手机号", "所属部门", "管辖区域编码", "角色")
			.contains("最后登录时间", "创建时间", "状态", "已锁定");
		Map<String, List<String>> byName = new HashMap<>();
		exported.subList(1, exported.size()).forEach(r -> byName.put(r.get(0), r));
		assertThat(byName).containsOnlyKeys(this.tag + "_c1", this.tag + "_w1", this.tag + "_w2");
		List<String> header = exported.get(0);
		List<String> first = byName.get(this.tag + "_w1");
		assertThat(first.get(2)).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
		assertThat(first.get(3)).isEqualTo(this.existingDepartmentCode);
		assertThat(first.get(4)).isEqualTo(this.community.code());
		assertThat(first.get(5)).isEqualTo("GRID_WORKER");
		assertThat(first.get(header.indexOf("最后登录时间"))).as("w1 has signed in").isNotBlank();
		assertThat(byName.get(this.tag + "_c1").get(header.indexOf("最后登录时间"))).isBlank();
		assertThat(first.get(header.indexOf("状态"))).isEqualTo("启用");
		assertThat(Sheets.rows(this.admin.download("/api/v1/exports/users.xlsx?q=worker3")))
			.as("worker3 is in another town")
			.hasSize(1);
		String importer = username(this.admin);
		assertThat(eventually(() -> this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'USER_EXPORT' and username = ?", Integer.class,
				importer), n -> n == 2))
			.as("each export audited once its response is written")
			.isEqualTo(2);
	}

	@Test
	void usersAndDepartmentsTakeTheIdentityImportPermission() throws Exception {
		ApiClient centre = this.accounts.signedIn(this.port, "CENTER_STAFF", this.town.code());
		byte[] file = Sheets.xlsx(List.of("用户名", "姓名", "管辖区域编码", "角色"),
				List.of(user(this.tag + "_p1", "无权导入", null, null, this.town.code(), "GRID_WORKER")));
		assertThat(centre.upload("/api/v1/imports?kind=users", "users.xlsx", file).status())
			.as("basedata:import is not enough")
			.isEqualTo(403);
		assertThat(centre.get("/api/v1/imports/templates/users.xlsx").status()).isEqualTo(403);
		assertThat(centre.get("/api/v1/exports/users.xlsx").status()).isEqualTo(403);
		assertThat(centre.get("/api/v1/exports/departments.xlsx").status()).isEqualTo(403);
		ApiClient security = this.accounts.signedIn(this.port, "SEC_ADMIN", this.town.code());
		assertThat(security.upload("/api/v1/imports?kind=departments&dryRun=true", "d.xlsx", file).status())
			.isEqualTo(403);
		assertThat(this.admin.get("/api/v1/imports/templates/people.xlsx").status())
			.as("the system admin imports no base data")
			.isEqualTo(403);
	}

	private static JsonNode dryRun(ApiClient client, String kind, byte[] file) throws InterruptedException {
		Response submitted = client.upload("/api/v1/imports?kind=" + kind + "&dryRun=true", kind + ".xlsx", file);
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
		JsonNode job = Sheets.waitFor(client, submitted.json().path("id").asLong());
		assertThat(job.path("dryRun").asBoolean()).isTrue();
		return job;
	}

	/** Each bad row with its bad columns, in header order joined by commas. */
	private static Map<Integer, String> errorsByRow(ApiClient client, long job) {
		Map<Integer, List<String>> columns = new TreeMap<>();
		client.get("/api/v1/imports/" + job + "/errors")
			.json()
			.forEach(e -> columns.computeIfAbsent(e.path("row").asInt(), r -> new ArrayList<>())
				.add(e.path("column").asString()));
		Map<Integer, String> rows = new TreeMap<>();
		columns.forEach((row, names) -> rows.put(row, String.join(",", names.stream().sorted().distinct().toList())));
		return rows;
	}

	private int departmentsTagged() {
		return this.jdbc.queryForObject("select count(*) from department where code like ?", Integer.class,
				"D_-" + this.tag);
	}

	private String username(ApiClient client) {
		return client.get("/api/v1/auth/me").json().path("username").asString();
	}

	private static Map<String, String> department(String code, String name, String region) {
		Map<String, String> row = new HashMap<>();
		row.put("部门编码", code);
		row.put("部门名称", name);
		row.put("所属区域编码", region);
		return row;
	}

	private static Map<String, String> user(String username, String name, String phone, String department,
			String region, String roles) {
		Map<String, String> row = new HashMap<>();
		row.put("用户名", username);
		row.put("姓名", name);
		row.put("手机号", phone);
		row.put("所属部门", department);
		row.put("管辖区域编码", region);
		row.put("角色", roles);
		return row;
	}

}
