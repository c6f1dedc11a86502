package org.govgrid.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * User, department, role and device administration over HTTP, by city-wide system and
 * security administrators (三员分立) and a town-scoped system administrator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdministrationIT extends ApiIntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	Directory directory;

	private static final String USERS = "/api/v1/users";

	private static final String DEPARTMENTS = "/api/v1/departments";

	private static final String ROLES = "/api/v1/roles";

	private static final String DEVICES = "/api/v1/devices";

	private static final String TOWN = "320505006";

	private static final String OTHER_TOWN = "320505007";

	private static final String INVALID_INPUT = "https://govgrid.org/problems/invalid-input";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private ApiClient admin;

	private ApiClient secAdmin;

	private ApiClient townAdmin;

	private long town;

	@BeforeAll
	void administrators() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		this.secAdmin = this.accounts.signedIn(this.port, "SEC_ADMIN", "320500");
		this.townAdmin = this.accounts.signedIn(this.port, "SYS_ADMIN", TOWN);
		this.town = this.accounts.region(TOWN).id();
	}

	// ---- users

	@Test
	void createdUserSignsInWithTheTemporaryPasswordAndMustChangeIt() {
		String username = unique("ua_new");

		Response created = this.admin.post(USERS,
				userForm(username, "  新网格员 ", "13812345678", this.town, List.of("GRID_WORKER")));

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode user = created.json().path("user");
		long id = user.path("id").asLong();
		assertThat(user.path("username").asString()).isEqualTo(username);
		assertThat(user.path("displayName").asString()).isEqualTo("新网格员");
		assertThat(user.path("phone").asString()).isEqualTo("138****5678");
		assertThat(user.path("roles").valueStream().map(JsonNode::asString)).containsExactly("GRID_WORKER");
		assertThat(user.path("scopeRegionId").asLong()).isEqualTo(this.town);
		assertThat(user.path("scopeRegionName").asString()).isEqualTo("狮山街道");
		assertThat(user.path("enabled").asBoolean()).isTrue();
		assertThat(user.path("status").asString()).isEqualTo("ACTIVE");
		assertThat(user.path("mustChangePassword").asBoolean()).isTrue();
		assertThat(created.body()).doesNotContain("13812345678");
		String temporary = created.json().path("temporaryPassword").asString();
		assertThat(temporary).hasSizeGreaterThanOrEqualTo(8);

		ApiClient newcomer = new ApiClient(this.port);
		Response login = newcomer.login(username, temporary);
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
		Response blocked = newcomer.get("/api/v1/regions/tree");
		assertThat(blocked.status()).isEqualTo(403);
		assertThat(blocked.problemType()).isEqualTo("https://govgrid.org/problems/password-change-required");
		assertThat(newcomer.changePassword(temporary, Accounts.PASSWORD).status()).isEqualTo(204);
		assertThat(newcomer.get("/api/v1/regions/tree").json().get(0).path("code").asString()).isEqualTo(TOWN);

		JsonNode fetched = this.admin.get(USERS + "/" + id).json();
		assertThat(fetched.path("phone").asString()).isEqualTo("138****5678");
		assertThat(fetched.path("mustChangePassword").asBoolean()).isFalse();
		JsonNode listed = this.admin.get(USERS + "?q=" + username).json();
		assertThat(listed.path("total").asLong()).isEqualTo(1);
		assertThat(listed.path("items").get(0).path("phone").asString()).isEqualTo("138****5678");
		assertThat(listed.toString()).doesNotContain("13812345678");
		assertThat(auditDetails("USER_CREATE", id)).singleElement().asString().doesNotContain("13812345678");
	}

	@Test
	void sendingTheMaskedPhoneBackKeepsTheNumberAndANewNumberReplacesIt() {
		String username = unique("ua_phone");
		long id = this.admin.post(USERS, userForm(username, "电话保留", "13912345678", this.town, List.of("GRID_WORKER")))
			.json()
			.path("user")
			.path("id")
			.asLong();
		Response kept = this.admin.put(USERS + "/" + id,
				userForm(username, "电话保留", "139****5678", this.town, List.of("GRID_WORKER")));
		assertThat(kept.status()).as(kept.body()).isEqualTo(200);
		assertThat(this.jdbc.queryForObject("select phone from app_user where id = ?", String.class, id))
			.as("sealed at rest")
			.doesNotContain("13912345678");
		assertThat(this.directory.phones(List.of(id))).containsEntry(id, "13912345678");
		this.admin.put(USERS + "/" + id, userForm(username, "电话保留", "13700001111", this.town, List.of("GRID_WORKER")));
		assertThat(this.jdbc.queryForObject("select phone from app_user where id = ?", String.class, id))
			.as("sealed at rest")
			.doesNotContain("13700001111");
		assertThat(this.directory.phones(List.of(id))).containsEntry(id, "13700001111");
		Response badMask = this.admin.put(USERS + "/" + id,
				userForm(username, "电话保留", "138****0000", this.town, List.of("GRID_WORKER")));
		assertThat(badMask.errorFields()).containsExactly("phone");
	}

	@Test
	void badInputNamesEveryFieldAndWritesNothing() {
		long usersBefore = count("app_user");
		long auditBefore = auditCount("USER_CREATE");

		Response response = this.admin.post(USERS, userForm("9 bad", " ", "12345", 987654321L, List.of()));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.problemType()).isEqualTo(INVALID_INPUT);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("username", "displayName", "phone",
				"scopeRegionId", "roles");

		String taken = this.accounts.create(unique("ua_taken"), "GRID_WORKER", TOWN);
		Map<String, Object> form = userForm(taken, "重名用户", null, this.town, List.of("NO_SUCH_ROLE"));
		form.put("departmentId", 987654321L);
		assertThat(this.admin.post(USERS, form).errorFields()).containsExactlyInAnyOrder("username", "roles",
				"departmentId");

		long otherTown = this.accounts.region(OTHER_TOWN).id();
		assertThat(
				this.townAdmin.post(USERS, userForm(unique("ua_far"), "越权用户", null, otherTown, List.of("GRID_WORKER")))
					.errorFields())
			.containsExactly("scopeRegionId");

		assertThat(count("app_user")).isEqualTo(usersBefore + 1); // only the fixture user
		assertThat(auditCount("USER_CREATE")).isEqualTo(auditBefore);
	}

	@Test
	void systemAdministratorAndAuditorCannotShareAnAccount() {
		String username = unique("ua_dual");
		long usersBefore = count("app_user");

		Response both = this.admin.post(USERS,
				userForm(username, "双重身份", null, this.town, List.of("SYS_ADMIN", "AUDITOR")));

		assertThat(both.status()).isEqualTo(400);
		assertThat(both.errorFields()).containsExactly("roles");
		assertThat(message(both, "roles")).contains("三员分立");
		assertThat(count("app_user")).isEqualTo(usersBefore);

		Member member = member("GRID_WORKER", TOWN);
		Response update = this.admin.put(USERS + "/" + member.id(),
				userForm(member.username(), "网格员", null, this.town, List.of("SEC_ADMIN", "AUDITOR")));
		assertThat(update.errorFields()).containsExactly("roles");
		assertThat(this.admin.get(USERS + "/" + member.id()).json().path("roles").valueStream().map(JsonNode::asString))
			.containsExactly("GRID_WORKER");
	}

	@Test
	void customAuditRoleCannotJoinAnAdministratorRoleOnOneAccount() {
		String auditRole = createRole(List.of("audit:log:read")).path("code").asString();

		Response response = this.admin.post(USERS,
				userForm(unique("ua_mixed"), "混合身份", null, this.town, List.of("SYS_ADMIN", auditRole)));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("roles");
	}

	@Test
	void roleHeldWithAnAdministratorRoleCannotGainAuditPermissions() {
		JsonNode viewer = createRole(List.of("region:area:read"));
		// a separated admin's account needs a phone: its first password goes there (三员分立)
		Response created = this.admin.post(USERS, userForm(unique("ua_admin_viewer"), "管理员兼查看", "13800001111",
				this.town, List.of("SYS_ADMIN", viewer.path("code").asString())));
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		Response response = this.secAdmin.put(ROLES + "/" + viewer.path("id").asLong(),
				roleForm(null, "查看审计", List.of("region:area:read", "audit:log:read")));

		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactly("permissions");
		assertThat(this.secAdmin.get(ROLES + "/" + viewer.path("id").asLong()).json().path("permissions").toString())
			.doesNotContain("audit:");
	}

	@Test
	void administratorCannotChangeTheirOwnAccount() {
		JsonNode me = this.admin.get("/api/v1/auth/me").json();
		String self = USERS + "/" + me.path("id").asLong();
		Map<String, Object> form = userForm(me.path("username").asString(), "改自己", null,
				me.path("scope").path("regionId").asLong(), List.of("SYS_ADMIN"));

		for (Response response : List.of(this.admin.put(self, form), this.admin.post(self + "/disable", null),
				this.admin.post(self + "/password-reset", null), this.admin.delete(self))) {
			assertThat(response.status()).as(response.body()).isEqualTo(409);
			assertThat(response.problemType()).isEqualTo("https://govgrid.org/problems/conflict");
		}
		JsonNode after = this.admin.get("/api/v1/auth/me").json();
		assertThat(after.path("displayName").asString()).isEqualTo(me.path("displayName").asString());
	}

	@Test
	void disablingEndsTheSessionAndRefusesSignInUntilEnabled() {
		Member member = member("GRID_WORKER", TOWN);

		Response disabled = this.admin.post(USERS + "/" + member.id() + "/disable", null);

		assertThat(disabled.status()).isEqualTo(200);
		assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
		assertThat(disabled.json().path("status").asString()).isEqualTo("DISABLED");
		assertThat(member.client().get("/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(new ApiClient(this.port).login(member.username(), Accounts.PASSWORD).status()).isEqualTo(401);

		Response enabled = this.admin.post(USERS + "/" + member.id() + "/enable", null);
		assertThat(enabled.status()).isEqualTo(200);
		assertThat(enabled.json().path("status").asString()).isEqualTo("ACTIVE");
		ApiClient again = new ApiClient(this.port);
		assertThat(again.login(member.username(), Accounts.PASSWORD).status()).isEqualTo(200);
		assertThat(again.get("/api/v1/auth/me").json().path("username").asString()).isEqualTo(member.username());
	}

	@Test
	void passwordResetEndsSessionsAndForcesAChange() {
		Member member = member("GRID_WORKER", TOWN);

		Response reset = this.secAdmin.post(USERS + "/" + member.id() + "/password-reset", null);

		assertThat(reset.status()).isEqualTo(200);
		String temporary = reset.json().path("temporaryPassword").asString();
		assertThat(temporary).isNotBlank().isNotEqualTo(Accounts.PASSWORD);
		assertThat(member.client().get("/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(new ApiClient(this.port).login(member.username(), Accounts.PASSWORD).status()).isEqualTo(401);
		assertThat(this.admin.get(USERS + "/" + member.id()).json().path("mustChangePassword").asBoolean()).isTrue();

		ApiClient client = new ApiClient(this.port);
		assertThat(client.login(member.username(), temporary).json().path("mustChangePassword").asBoolean()).isTrue();
		assertThat(client.get("/api/v1/regions/tree").problemType())
			.isEqualTo("https://govgrid.org/problems/password-change-required");
		assertThat(client.changePassword(temporary, "Reset#Done2026").status()).isEqualTo(204);
		assertThat(client.get("/api/v1/regions/tree").status()).isEqualTo(200);
	}

	@Test
	void unlockingAfterLockoutLetsTheUserSignIn() {
		Member member = member("GRID_WORKER", TOWN);
		ApiClient client = new ApiClient(this.port);
		for (int i = 0; i < 5; i++) {
			assertThat(client.login(member.username(), "Wrong#Pass" + i).status()).isEqualTo(401);
		}
		assertThat(client.login(member.username(), Accounts.PASSWORD).status()).isEqualTo(401);
		assertThat(this.admin.get(USERS + "/" + member.id()).json().path("locked").asBoolean()).isTrue();

		Response unlocked = this.secAdmin.post(USERS + "/" + member.id() + "/unlock", null);

		assertThat(unlocked.status()).isEqualTo(200);
		assertThat(unlocked.json().path("locked").asBoolean()).isFalse();
		assertThat(client.login(member.username(), Accounts.PASSWORD).status()).isEqualTo(200);
		assertThat(auditCount("USER_UNLOCK", member.id())).isEqualTo(1);
	}

	@Test
	void cancelledUserIsGoneForGood() {
		Member member = member("GRID_WORKER", TOWN);
		String user = USERS + "/" + member.id();
		Response device = this.admin.post(DEVICES, deviceForm(unique("UA-CANCEL"), "PHONE", member.id()));
		assertThat(device.status()).isEqualTo(201);

		assertThat(this.admin.delete(user).status()).isEqualTo(204);

		assertThat(member.client().get("/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(this.admin.get(user).status()).isEqualTo(404);
		assertThat(this.admin.get(USERS + "?q=" + member.username()).json().path("total").asLong()).isZero();
		assertThat(this.admin.delete(user).status()).isEqualTo(404);
		assertThat(this.admin.post(user + "/enable", null).status()).isEqualTo(404);
		assertThat(this.admin.put(user, userForm(member.username(), "复活", null, this.town, List.of("GRID_WORKER")))
			.status()).isEqualTo(404);
		assertThat(new ApiClient(this.port).login(member.username(), Accounts.PASSWORD).status()).isEqualTo(401);
		assertThat(this.admin.post(USERS, userForm(member.username(), "同名", null, this.town, List.of("GRID_WORKER")))
			.errorFields()).containsExactly("username");
		// the row stays for the audit trail; the device is released
		assertThat(this.jdbc.queryForObject("select status from app_user where id = ?", String.class, member.id()))
			.isEqualTo("CANCELLED");
		assertThat(this.admin.get(DEVICES + "/" + device.json().path("id").asLong()).json().path("userId").isNull())
			.isTrue();
	}

	@Test
	void auditorCannotCreateUsers() {
		ApiClient auditor = this.accounts.signedIn(this.port, "AUDITOR", "320500");
		String username = unique("ua_by_auditor");

		Response response = auditor.post(USERS, userForm(username, "审计员建的", null, this.town, List.of("GRID_WORKER")));

		assertThat(response.status()).isEqualTo(403);
		assertThat(this.jdbc.queryForObject("select count(*) from app_user where username = ?", Long.class, username))
			.isZero();
	}

	// ---- departments

	@Test
	void departmentsAreManagedWithinTheScope() {
		long district = this.accounts.region("320505").id();
		long otherTown = this.accounts.region(OTHER_TOWN).id();
		JsonNode districtDepartment = createDepartment(this.admin, unique("UA-DIST"), "区级部门", district);
		JsonNode otherTownDepartment = createDepartment(this.admin, unique("UA-OTHER"), "枫桥部门", otherTown);

		String code = unique("UA-TOWN");
		JsonNode own = createDepartment(this.townAdmin, code, "狮山测试科", this.town);
		assertThat(own.path("regionName").asString()).isEqualTo("狮山街道");
		long id = own.path("id").asLong();

		List<String> listed = new ArrayList<>();
		this.townAdmin.get(DEPARTMENTS).json().forEach(d -> listed.add(d.path("code").asString()));
		assertThat(listed).contains(code, districtDepartment.path("code").asString(), TOWN + "-CG")
			.doesNotContain(otherTownDepartment.path("code").asString());
		// the district's department is visible from the town but not the town's to change
		String districtPath = DEPARTMENTS + "/" + districtDepartment.path("id").asLong();
		assertThat(this.townAdmin.get(districtPath).status()).isEqualTo(200);
		assertThat(this.townAdmin.put(districtPath, departmentForm("UA-RENAMED", "改区级", this.town)).status())
			.isEqualTo(404);
		assertThat(this.townAdmin.delete(districtPath).status()).isEqualTo(404);
		assertThat(this.townAdmin.get(DEPARTMENTS + "/" + otherTownDepartment.path("id").asLong()).status())
			.isEqualTo(404);

		assertThat(this.townAdmin.post(DEPARTMENTS, departmentForm(unique("UA-FAR"), "越权部门", otherTown)).errorFields())
			.containsExactly("regionId");
		long departmentsBefore = count("department");
		assertThat(this.townAdmin.post(DEPARTMENTS, departmentForm("x", " ", null)).errorFields())
			.containsExactlyInAnyOrder("code", "name", "regionId");
		assertThat(this.townAdmin.post(DEPARTMENTS, departmentForm(code, "重复编码", this.town)).errorFields())
			.containsExactly("code");
		assertThat(count("department")).isEqualTo(departmentsBefore);

		Response renamed = this.townAdmin.put(DEPARTMENTS + "/" + id, departmentForm(code, "狮山综合科", this.town));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().path("name").asString()).isEqualTo("狮山综合科");

		Map<String, Object> staff = userForm(unique("ua_staff"), "科员", null, this.town, List.of("DEPT_HANDLER"));
		staff.put("departmentId", id);
		Response staffCreated = this.townAdmin.post(USERS, staff);
		assertThat(staffCreated.json().path("user").path("departmentName").asString()).isEqualTo("狮山综合科");
		assertThat(this.townAdmin.delete(DEPARTMENTS + "/" + id).status()).isEqualTo(409);
		assertThat(this.townAdmin.delete(USERS + "/" + staffCreated.json().path("user").path("id").asLong()).status())
			.isEqualTo(204);
		JsonNode empty = createDepartment(this.townAdmin, unique("UA-EMPTY"), "空部门", this.town);
		assertThat(this.townAdmin.delete(DEPARTMENTS + "/" + empty.path("id").asLong()).status()).isEqualTo(204);
		assertThat(this.townAdmin.get(DEPARTMENTS + "/" + empty.path("id").asLong()).status()).isEqualTo(404);
	}

	// ---- roles

	@Test
	void builtInRolesCannotBeEditedOrDeleted() {
		JsonNode sysAdmin = this.secAdmin.get(ROLES)
			.json()
			.valueStream()
			.filter(r -> r.path("code").asString().equals("SYS_ADMIN"))
			.findFirst()
			.orElseThrow();
		assertThat(sysAdmin.path("builtIn").asBoolean()).isTrue();
		String path = ROLES + "/" + sysAdmin.path("id").asLong();

		Response edit = this.secAdmin.put(path, roleForm(null, "超级管理员", List.of("audit:log:read")));
		assertThat(edit.status()).isEqualTo(409);
		assertThat(this.secAdmin.delete(path).status()).isEqualTo(409);

		JsonNode after = this.secAdmin.get(path).json();
		assertThat(after.path("name").asString()).isEqualTo("系统管理员");
		assertThat(after.path("permissions").toString()).doesNotContain("audit:");
	}

	@Test
	void customRoleMixingAuditAndAdministrationIsRefused() {
		long rolesBefore = count("role");

		Response mixed = this.secAdmin.post(ROLES,
				roleForm(unique("UA_MIX").toUpperCase(), "审计兼管理", List.of("audit:log:read", "identity:user:write")));
		assertThat(mixed.status()).isEqualTo(400);
		assertThat(mixed.errorFields()).containsExactly("permissions");
		assertThat(message(mixed, "permissions")).contains("三员分立");

		Response bad = this.secAdmin.post(ROLES, roleForm("lower-case", " ", List.of("no:such:permission")));
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("code", "name", "permissions");
		assertThat(count("role")).isEqualTo(rolesBefore);
	}

	@Test
	void customRoleIsCreatedUpdatedAndDeleted() {
		JsonNode created = createRole(List.of("region:area:read"));
		assertThat(created.path("builtIn").asBoolean()).isFalse();
		String path = ROLES + "/" + created.path("id").asLong();

		Response updated = this.secAdmin.put(path,
				roleForm(null, "查看区域与部门", List.of("region:area:read", "identity:dept:read")));
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().path("name").asString()).isEqualTo("查看区域与部门");
		assertThat(updated.json().path("permissions").valueStream().map(JsonNode::asString))
			.containsExactly("identity:dept:read", "region:area:read");
		assertThat(updated.json().path("code").asString()).isEqualTo(created.path("code").asString());
		Response renamed = this.secAdmin.put(path, roleForm("SOMETHING_ELSE", "", List.of("nope:x:y")));
		assertThat(renamed.errorFields()).containsExactlyInAnyOrder("code", "name", "permissions");

		assertThat(this.secAdmin.delete(path).status()).isEqualTo(204);
		assertThat(this.secAdmin.get(path).status()).isEqualTo(404);
	}

	@Test
	void changingARoleEndsTheSessionsOfItsHolders() {
		JsonNode role = createRole(List.of("region:area:read"));
		String username = unique("ua_holder");
		Response created = this.admin.post(USERS,
				userForm(username, "自定义角色持有人", null, this.town, List.of(role.path("code").asString())));
		assertThat(created.status()).isEqualTo(201);
		ApiClient holder = new ApiClient(this.port);
		holder.login(username, created.json().path("temporaryPassword").asString());
		assertThat(
				holder.changePassword(created.json().path("temporaryPassword").asString(), Accounts.PASSWORD).status())
			.isEqualTo(204);
		assertThat(holder.get(DEPARTMENTS).status()).isEqualTo(403);

		Response updated = this.secAdmin.put(ROLES + "/" + role.path("id").asLong(),
				roleForm(null, "可看部门", List.of("region:area:read", "identity:dept:read")));

		assertThat(updated.status()).isEqualTo(200);
		assertThat(holder.get("/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(holder.login(username, Accounts.PASSWORD).json().path("permissions").toString())
			.contains("identity:dept:read");
		assertThat(holder.get(DEPARTMENTS).status()).isEqualTo(200);
		assertThat(this.secAdmin.delete(ROLES + "/" + role.path("id").asLong()).status()).isEqualTo(409);
	}

	// ---- devices

	@Test
	void devicesAreBoundOnlyToUsersInTheScope() {
		Member worker = member("GRID_WORKER", TOWN);
		String farUser = this.accounts.create(unique("ua_far_user"), "GRID_WORKER", OTHER_TOWN);
		long farUserId = this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, farUser);
		String code = unique("UA-PHONE");

		Response created = this.townAdmin.post(DEVICES, deviceForm(code, "PHONE", worker.id()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("username").asString()).isEqualTo(worker.username());
		assertThat(created.json().path("enabled").asBoolean()).isTrue();
		String path = DEVICES + "/" + created.json().path("id").asLong();
		assertThat(this.townAdmin.get(path).json().path("deviceCode").asString()).isEqualTo(code);
		assertThat(this.townAdmin.get(DEVICES + "?size=200").json().path("items").toString()).contains(code);

		long devicesBefore = count("device");
		Response far = this.townAdmin.post(DEVICES, deviceForm(unique("UA-FAR"), "PAD", farUserId));
		assertThat(far.status()).isEqualTo(400);
		assertThat(far.errorFields()).containsExactly("userId");
		Map<String, Object> bad = deviceForm("x", null, null);
		bad.put("name", " ");
		assertThat(this.townAdmin.post(DEVICES, bad).errorFields()).containsExactlyInAnyOrder("deviceCode", "name",
				"type");
		assertThat(this.townAdmin.post(DEVICES, deviceForm(code, "PAD", null)).errorFields())
			.containsExactly("deviceCode");
		assertThat(this.townAdmin.put(path, deviceForm(code, "PHONE", farUserId)).errorFields())
			.containsExactly("userId");
		assertThat(count("device")).isEqualTo(devicesBefore);

		Map<String, Object> unbound = deviceForm(code, "PAD", null);
		unbound.put("enabled", false);
		Response updated = this.townAdmin.put(path, unbound);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().path("type").asString()).isEqualTo("PAD");
		assertThat(updated.json().path("userId").isNull()).isTrue();
		assertThat(updated.json().path("enabled").asBoolean()).isFalse();

		assertThat(this.townAdmin.delete(path).status()).isEqualTo(204);
		assertThat(this.townAdmin.get(path).status()).isEqualTo(404);
	}

	// ---- helpers

	/** A signed-in user of their own, with their id. */
	private Member member(String role, String regionCode) {
		ApiClient client = this.accounts.signedIn(this.port, role, regionCode);
		JsonNode me = client.get("/api/v1/auth/me").json();
		return new Member(me.path("id").asLong(), me.path("username").asString(), client);
	}

	private JsonNode createRole(List<String> permissions) {
		Response response = this.secAdmin.post(ROLES, roleForm(unique("UA_ROLE").toUpperCase(), "测试角色", permissions));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static JsonNode createDepartment(ApiClient client, String code, String name, long regionId) {
		Response response = client.post(DEPARTMENTS, departmentForm(code, name, regionId));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	private static Map<String, Object> userForm(String username, String displayName, String phone, Long scopeRegionId,
			List<String> roles) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("username", username);
		form.put("displayName", displayName);
		form.put("phone", phone);
		form.put("scopeRegionId", scopeRegionId);
		form.put("roles", roles);
		return form;
	}

	private static Map<String, Object> departmentForm(String code, String name, Long regionId) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", name);
		form.put("regionId", regionId);
		return form;
	}

	private static Map<String, Object> roleForm(String code, String name, List<String> permissions) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", name);
		form.put("permissions", permissions);
		return form;
	}

	private static Map<String, Object> deviceForm(String deviceCode, String type, Long userId) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("deviceCode", deviceCode);
		form.put("name", "测试终端");
		form.put("type", type);
		form.put("userId", userId);
		return form;
	}

	private static String unique(String prefix) {
		return prefix + "_" + SEQUENCE.incrementAndGet();
	}

	private static String message(Response response, String field) {
		return response.json()
			.path("errors")
			.valueStream()
			.filter(e -> e.path("field").asString().equals(field))
			.map(e -> e.path("message").asString())
			.findFirst()
			.orElse(null);
	}

	private long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	private long auditCount(String action) {
		return this.jdbc.queryForObject("select count(*) from audit_log where action = ?", Long.class, action);
	}

	private long auditCount(String action, long objectId) {
		return this.jdbc.queryForObject("select count(*) from audit_log where action = ? and object_id = ?", Long.class,
				action, Long.toString(objectId));
	}

	private List<String> auditDetails(String action, long objectId) {
		return this.jdbc.queryForList("select detail from audit_log where action = ? and object_id = ?", String.class,
				action, Long.toString(objectId));
	}

	private record Member(long id, String username, ApiClient client) {
	}

}
