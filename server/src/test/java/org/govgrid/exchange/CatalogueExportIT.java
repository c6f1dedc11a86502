package org.govgrid.exchange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Jiangsu catalogue export (标准 7.3.2b) over the demo data: every table's header row
 * is the documented column list, its rows are the list's total for the same selection,
 * codes are written as codes, identifiers masked unless unmasked by a holder of
 * {@code person:unmask}, and every export is audited.
 */
class CatalogueExportIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static final Path DOC = Path.of("..", "docs", "catalogue", "jiangsu-resource-catalogue.md");

	/** The list that shows each table's records. */
	private static final Map<String, String> LISTS = Map.ofEntries(Map.entry("people", "/api/v1/people?"),
			Map.entry("registered", "/api/v1/people?householdType=REGISTERED"),
			Map.entry("floating", "/api/v1/people?householdType=FLOATING"),
			Map.entry("foreign", "/api/v1/people?householdType=FOREIGN"),
			Map.entry("left-behind", "/api/v1/people?householdType=LEFT_BEHIND"),
			Map.entry("released-prisoners", "/api/v1/people?tag=RELEASED_PRISONER"),
			Map.entry("community-correction", "/api/v1/people?tag=COMMUNITY_CORRECTION"),
			Map.entry("mental-disorder", "/api/v1/people?tag=MENTAL_DISORDER"),
			Map.entry("drug-users", "/api/v1/people?tag=DRUG_USER"),
			Map.entry("hiv-risk", "/api/v1/people?tag=HIV_RISK"),
			Map.entry("key-youth", "/api/v1/people?tag=KEY_YOUTH"), Map.entry("houses", "/api/v1/houses?"),
			Map.entry("rented-houses", "/api/v1/houses?rented=true"),
			Map.entry("non-public-organizations", "/api/v1/organizations?kind=NON_PUBLIC_ECONOMIC"),
			Map.entry("social-organizations", "/api/v1/organizations?kind=SOCIAL"),
			Map.entry("places", "/api/v1/places?"), Map.entry("things", "/api/v1/things?"),
			Map.entry("disputes", "/api/v1/disputes?"));

	@Test
	void everyTableHasTheDocumentedColumnsAndTheListsRows() throws Exception {
		ApiClient center = this.accounts.demo(this.port, "center");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		String doc = Files.readString(DOC, StandardCharsets.UTF_8);
		assertThat(LISTS.keySet())
			.containsExactlyInAnyOrderElementsOf(JiangsuCatalogue.TABLES.stream().map(CatalogueTable::code).toList());
		for (CatalogueTable<?> table : JiangsuCatalogue.TABLES) {
			List<List<String>> rows = Sheets
				.rows(center.download("/api/v1/exports/catalogue/" + table.code() + ".xlsx"));
			assertThat(rows.get(0)).as(table.code() + " header = the definition").isEqualTo(table.headers());
			assertThat(rows.get(0)).as(table.code() + " header = the document")
				.isEqualTo(documented(doc, table.code()));
			long total = center.get(LISTS.get(table.code()) + "&size=1").json().path("total").asLong();
			assertThat(rows.size() - 1L).as(table.code() + " rows = the list's total").isEqualTo(total);
			assertThat(lastAudit("center", "catalogue/" + table.code() + " rows=" + total))
				.isEqualTo("catalogue/" + table.code() + " rows=" + total);
		}
		for (String demo : List.of("people", "registered", "floating", "houses", "rented-houses",
				"non-public-organizations", "social-organizations", "places", "things", "disputes")) {
			assertThat(center.get(LISTS.get(demo) + "&size=1").json().path("total").asLong())
				.as(demo + " has demo rows")
				.isPositive();
		}

		List<List<String>> chiefs = Sheets.rows(chief1.download("/api/v1/exports/catalogue/people.xlsx"));
		assertThat(chiefs.size() - 1L).as("a chief exports their community only")
			.isEqualTo(chief1.get("/api/v1/people?size=1").json().path("total").asLong());
	}

	@Test
	void codesAreWrittenAsCodesDatesAsYyyymmddAndIdentifiersMaskedUnlessUnmasked() throws Exception {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient center = this.accounts.demo(this.port, "center");
		long grid = this.accounts.region(GRID_1).id();
		String idNumber = TestIds.idNumber();
		String phone = TestIds.phone();
		Map<String, Object> body = new HashMap<>();
		body.put("idNumber", idNumber);
		body.put("name", "目录导出测试");
		body.put("phone", phone);
		body.put("householdType", "REGISTERED");
		body.put("gridId", grid);
		body.put("currentAddress", "狮山街道目录路1号");
		body.put("nativePlace", "340104");
		body.put("maritalStatus", "20");
		body.put("householdConsistency", "02");
		body.put("householdHeadRelation", "10");
		body.put("tags",
				List.of(Map.of("tag", "COMMUNITY_CORRECTION", "details",
						Map.of("correctionStart", "2026-01-05", "correctionEnd", "2027-01-04", "correctionType",
								"PROBATION", "correctionNumber", "JZ2026-001", "offence", "盗窃罪"))));
		Response created = worker1.post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);

		List<List<String>> people = Sheets.rows(center.download("/api/v1/exports/catalogue/people.xlsx"));
		List<String> header = people.get(0);
		for (List<String> row : people.subList(1, people.size())) {
			assertThat(row.get(header.indexOf("性别"))).matches("[0129]");
			assertThat(row.get(header.indexOf("民族"))).matches("(\\d{2})?");
			assertThat(row.get(header.indexOf("出生日期"))).matches("\\d{8}");
			assertThat(row.get(header.indexOf("公民身份号码"))).as("masked").matches("\\d{3}\\*{11}[\\dX]{4}");
			assertThat(row.get(header.indexOf("联系方式"))).as("masked").matches("(\\d{3}\\*{4}\\d{4})?");
			assertThat(row.get(header.indexOf("所属网格编码"))).matches("\\d{15}");
		}
		List<String> mine = row(people, "姓名", "目录导出测试");
		assertThat(mine.get(header.indexOf("籍贯"))).isEqualTo("340104");
		assertThat(mine.get(header.indexOf("婚姻状况"))).as("the GB/T 2261.2 code, not 已婚").isEqualTo("20");
		assertThat(mine.get(header.indexOf("出生日期"))).isEqualTo(idNumber.substring(6, 14));
		assertThat(mine.get(header.indexOf("所属网格编码"))).isEqualTo(GRID_1);
		assertThat(mine.get(header.indexOf("曾用名"))).as("a held item left empty").isEmpty();

		List<List<String>> registered = Sheets.rows(center.download("/api/v1/exports/catalogue/registered.xlsx"));
		List<String> inRegistered = row(registered, "姓名", "目录导出测试");
		assertThat(inRegistered.get(registered.get(0).indexOf("人户一致标识"))).isEqualTo("02");
		assertThat(inRegistered.get(registered.get(0).indexOf("与户主关系"))).isEqualTo("10");
		assertThat(inRegistered.get(registered.get(0).indexOf("户主姓名"))).as("a missing item, blank").isEmpty();

		List<List<String>> correction = Sheets
			.rows(center.download("/api/v1/exports/catalogue/community-correction.xlsx"));
		List<String> corrected = row(correction, "姓名", "目录导出测试");
		assertThat(corrected.get(correction.get(0).indexOf("矫正类别"))).as("a platform code by its name").isEqualTo("缓刑");
		assertThat(corrected.get(correction.get(0).indexOf("矫正开始日期"))).isEqualTo("20260105");
		assertThat(corrected.get(correction.get(0).indexOf("矫正结束日期"))).isEqualTo("20270104");
		assertThat(corrected.get(correction.get(0).indexOf("社区矫正人员编号"))).isEqualTo("JZ2026-001");
		assertThat(corrected.get(correction.get(0).indexOf("具体罪名"))).isEqualTo("盗窃罪");

		List<List<String>> things = Sheets.rows(center.download("/api/v1/exports/catalogue/houses.xlsx"));
		for (List<String> row : things.subList(1, things.size())) {
			assertThat(row.get(things.get(0).indexOf("是否出租"))).matches("[01]");
		}

		List<List<String>> clear = Sheets.rows(center.download("/api/v1/exports/catalogue/people.xlsx?unmask=true"));
		List<String> mineClear = row(clear, "姓名", "目录导出测试");
		assertThat(mineClear.get(header.indexOf("公民身份号码"))).isEqualTo(idNumber);
		assertThat(mineClear.get(header.indexOf("联系方式"))).isEqualTo(phone);
		assertThat(lastAudit("center", "catalogue/people rows=" + (clear.size() - 1) + " unmasked"))
			.isEqualTo("catalogue/people rows=" + (clear.size() - 1) + " unmasked");

		assertThat(worker1.get("/api/v1/exports/catalogue/people.xlsx").status()).as("no basedata:export")
			.isEqualTo(403);
		assertThat(center.get("/api/v1/exports/catalogue/cars.xlsx").status()).isEqualTo(404);
	}

	/** The first row whose {@code column} reads {@code value}. */
	private static List<String> row(List<List<String>> rows, String column, String value) {
		int index = rows.get(0).indexOf(column);
		return rows.stream()
			.skip(1)
			.filter(r -> r.get(index).equals(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row with " + column + " = " + value));
	}

	/** The 目录数据项 column of the table's section in the catalogue document. */
	private static List<String> documented(String doc, String code) {
		int section = doc.indexOf("(`" + code + "`)\n");
		assertThat(section).as("the document has a section for " + code).isPositive();
		List<String> names = new ArrayList<>();
		boolean inTable = false;
		for (String line : doc.substring(section).split("\n")) {
			if (line.startsWith("| 1 |")) {
				inTable = true;
			}
			if (inTable) {
				if (!line.startsWith("| ")) {
					break;
				}
				names.add(line.split("\\|")[2].strip());
			}
		}
		return names;
	}

	/**
	 * The newest catalogue export audit row of the user, once it reads {@code expected}.
	 */
	private String lastAudit(String username, String expected) throws InterruptedException {
		return eventually(() -> this.jdbc
			.queryForList("select detail from audit_log where action = 'CATALOGUE_EXPORT' and username = ?"
					+ " order by id desc limit 1", String.class, username)
			.stream()
			.findFirst()
			.orElse(null), expected::equals);
	}

}
