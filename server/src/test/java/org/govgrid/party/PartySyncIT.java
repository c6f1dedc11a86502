package org.govgrid.party;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The province system's push (idempotent, one transaction a row, bad rows reported with
 * their errors) and the xlsx/csv import of members through exchange.
 */
class PartySyncIT extends ApiIntegrationTest {

	private static Map<String, Object> member(String externalId, String organizationExternalId, String name,
			String idNumber, String status) {
		Map<String, Object> row = new HashMap<>();
		row.put("externalId", externalId);
		row.put("organizationExternalId", organizationExternalId);
		row.put("name", name);
		row.put("idNumber", idNumber);
		row.put("phone", "13900001111");
		row.put("status", status);
		row.put("joinedOn", "2010-07-01");
		row.put("gridCode", PartyOrganizationsIT.WORKER1_GRID);
		row.put("dualReport", false);
		return row;
	}

	private static List<String> failedFields(JsonNode report, String externalId) {
		List<String> fields = new ArrayList<>();
		for (JsonNode failure : report.path("failed")) {
			if (failure.path("externalId").asString().equals(externalId)) {
				failure.path("errors").forEach(e -> fields.add(e.path("field").asString()));
			}
		}
		return fields;
	}

	@Test
	void theSamePushTwiceLeavesEveryRowUnchangedAndBadRowsAreListed() {
		ApiClient admin = this.accounts.demo(this.port, "admin");
		String tag = Long.toString(System.nanoTime());
		Map<String, Object> branch = new HashMap<>(Map.of("externalId", "SB-" + tag, "parentExternalId", "SW-" + tag,
				"name", "省推送党支部" + tag, "type", "BRANCH", "regionCode", PartyOrganizationsIT.COMMUNITY, "gridCodes",
				List.of(PartyOrganizationsIT.WORKER1_GRID)));
		Map<String, Object> committee = new HashMap<>(Map.of("externalId", "SW-" + tag, "name", "省推送党委" + tag, "type",
				"COMMITTEE", "regionCode", PartyOrganizationsIT.TOWN));
		Map<String, Object> broken = new HashMap<>(
				Map.of("externalId", "SX-" + tag, "name", "", "type", "CELL", "regionCode", PartyOrganizationsIT.TOWN));
		Map<String, Object> organizations = Map.of("items", List.of(branch, committee, broken));

		Response first = admin.put("/api/v1/party/sync/organizations", organizations);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().path("created").asInt()).isEqualTo(2);
		assertThat(first.json().path("failed").size()).isEqualTo(1);
		assertThat(failedFields(first.json(), "SX-" + tag)).containsExactlyInAnyOrder("name", "type");
		Response again = admin.put("/api/v1/party/sync/organizations", organizations);
		assertThat(again.json().path("unchanged").asInt()).isEqualTo(2);
		assertThat(again.json().path("created").asInt() + again.json().path("updated").asInt()).isZero();
		Long branchId = this.jdbc.queryForObject("select id from party_organization where external_id = ?", Long.class,
				"SB-" + tag);
		assertThat(this.jdbc.queryForObject("select external_id from party_organization o where o.id = "
				+ "(select parent_id from party_organization where id = ?)", String.class, branchId))
			.isEqualTo("SW-" + tag);

		String first1 = TestIds.idNumber();
		String second = TestIds.idNumber();
		String bad = first1.substring(0, 17) + (first1.charAt(17) == '0' ? '1' : '0');
		List<Map<String, Object>> rows = List.of(member("M1-" + tag, "SB-" + tag, "孙一", first1, "FULL"),
				member("M2-" + tag, "SB-" + tag, "孙二", second, "PROBATIONARY"),
				member("M3-" + tag, "SB-" + tag, "孙三", bad, "FULL"),
				member("M4-" + tag, "NOPE-" + tag, "孙四", TestIds.idNumber(), "MEMBER"));
		Response members = admin.put("/api/v1/party/sync/members", Map.of("items", rows));
		assertThat(members.status()).as(members.body()).isEqualTo(200);
		assertThat(members.json().path("created").asInt()).isEqualTo(2);
		assertThat(failedFields(members.json(), "M3-" + tag)).containsExactly("idNumber");
		assertThat(failedFields(members.json(), "M4-" + tag)).containsExactlyInAnyOrder("organizationExternalId");
		assertThat(members.body()).doesNotContain(first1).doesNotContain(bad);

		Response twice = admin.put("/api/v1/party/sync/members", Map.of("items", rows));
		assertThat(twice.json().path("unchanged").asInt()).isEqualTo(2);
		assertThat(twice.json().path("created").asInt()).isZero();
		assertThat(twice.json().path("updated").asInt()).isZero();
		assertThat(twice.json().path("failed").size()).isEqualTo(2);

		Map<String, Object> promoted = member("M2-" + tag, "SB-" + tag, "孙二", second, "FULL");
		Response changed = admin.put("/api/v1/party/sync/members", Map.of("items", List.of(promoted, rows.get(0))));
		assertThat(changed.json().path("updated").asInt()).isEqualTo(1);
		assertThat(changed.json().path("unchanged").asInt()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select status from party_member where external_id = ?", String.class,
				"M2-" + tag))
			.isEqualTo("FULL");
		assertThat(
				this.jdbc.queryForObject("select count(*) from audit_log where action = 'PARTY_SYNC'", Integer.class))
			.isGreaterThanOrEqualTo(5);

		Map<String, Object> anonymousRow = member("M5-" + tag, "SB-" + tag, "孙五", TestIds.idNumber(), "FULL");
		anonymousRow.remove("externalId");
		Response withoutId = admin.put("/api/v1/party/sync/members",
				Map.of("items", List.of(anonymousRow, rows.get(0), rows.get(0))));
		assertThat(withoutId.json().path("unchanged").asInt()).isEqualTo(1);
		assertThat(withoutId.json().path("failed").size()).as("no external id; the same row twice").isEqualTo(2);
		withoutId.json()
			.path("failed")
			.forEach(f -> assertThat(f.path("errors").get(0).path("field").asString()).isEqualTo("externalId"));
		assertThat(admin.put("/api/v1/party/sync/organizations", Map.of()).errorFields()).containsExactly("items");

		ApiClient center = this.accounts.demo(this.port, "center");
		assertThat(center.put("/api/v1/party/sync/members", Map.of("items", rows)).status()).isEqualTo(403);
	}

	@Test
	void membersAreImportedThroughExchangeWithARowLevelErrorReport() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = Long.toString(System.nanoTime());
		PartyTree tree = PartyTree.create(this.accounts, center, "导入党委" + tag, "导入党支部" + tag);
		String code = tree.branchCode();
		String good1 = TestIds.idNumber();
		String good2 = TestIds.idNumber();
		String bad = good1.substring(0, 17) + (good1.charAt(17) == '0' ? '1' : '0');
		String csv = "身份证号,姓名,手机号,所属党组织编码,党员状态,入党日期,所属网格编码,双报到\r\n" + good1 + ",郑一,13900002222," + code
				+ ",正式党员,2012-07-01," + PartyOrganizationsIT.WORKER1_GRID + ",是\r\n" + good2 + ",郑二,," + code
				+ ",预备党员,2024-07-01,,否\r\n" + bad + ",郑三,," + code + ",FULL,,,\r\n";

		Response submitted = center.upload("/api/v1/imports?kind=PARTY_MEMBERS", "members.csv",
				csv.getBytes(StandardCharsets.UTF_8));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
		long id = submitted.json().path("id").asLong();
		JsonNode job = waitFor(center, id);
		assertThat(job.path("status").asString()).isEqualTo("DONE");
		assertThat(job.path("rowsOk").asInt()).isEqualTo(2);
		assertThat(job.path("rowsFailed").asInt()).isEqualTo(1);
		JsonNode errors = center.get("/api/v1/imports/" + id + "/errors").json();
		assertThat(errors.size()).isEqualTo(1);
		assertThat(errors.get(0).path("row").asInt()).isEqualTo(4);
		assertThat(errors.get(0).path("column").asString()).isEqualTo("身份证号");

		JsonNode imported = center.get("/api/v1/party/members?organizationId=" + tree.branch()).json();
		assertThat(imported.path("total").asLong()).isEqualTo(2);
		assertThat(imported.toString()).doesNotContain(good1).doesNotContain(good2);
		try (XSSFWorkbook template = new XSSFWorkbook(
				new ByteArrayInputStream(center.download("/api/v1/imports/templates/party-members.xlsx")))) {
			List<String> headers = new ArrayList<>();
			template.getSheetAt(0).getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
			assertThat(String.join(",", headers)).contains("身份证号", "所属党组织编码", "党员状态", "双报到");
			assertThat(template.getSheetAt(0).getDataValidations()).as("status and gender dropdowns").isNotEmpty();
		}
		byte[] export = center.download("/api/v1/exports/party-members.xlsx?organizationId=" + tree.branch());
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(export))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).as("a header and the two members").isEqualTo(2);
			String first = sheet.getRow(1).getCell(0).getStringCellValue();
			assertThat(first).contains("*").isNotIn(good1, good2);
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo(code);
		}
	}

	private static JsonNode waitFor(ApiClient client, long id) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		JsonNode job;
		do {
			Thread.sleep(200);
			job = client.get("/api/v1/imports/" + id).json();
		}
		while (!Set.of("DONE", "FAILED").contains(job.path("status").asString()) && System.nanoTime() < deadline);
		return job;
	}

}
