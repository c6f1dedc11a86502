package org.govgrid.exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export of a filtered list: the same rows as the list, identifiers masked unless
 * unmasked by a holder of {@code person:unmask} (then the file imports again), audited
 * with the row count; {@code basedata:export} required.
 */
class ExportIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	@Test
	void aFilteredExportHoldsTheListsRowsIsAuditedWithItsCountAndUnmaskedImportsAgain() throws Exception {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient center = this.accounts.demo(this.port, "center");
		long grid = this.accounts.region(GRID_1).id();
		Set<String> floating = new TreeSet<>();
		for (int i = 0; i < 4; i++) {
			String idNumber = TestIds.idNumber();
			Map<String, Object> body = new HashMap<>();
			body.put("idNumber", idNumber);
			body.put("name", "导出测试" + i);
			body.put("phone", TestIds.phone());
			body.put("householdType", i == 3 ? "REGISTERED" : "FLOATING");
			body.put("gridId", grid);
			body.put("currentAddress", "狮山街道导出路" + i + "号");
			if (i == 0) {
				body.put("tags", List
					.of(Map.of("tag", "MENTAL_DISORDER", "details", Map.of("riskLevel", 2, "guardianName", "导出监护人"))));
			}
			Response created = worker1.post("/api/v1/people", body);
			assertThat(created.status()).as(created.body()).isEqualTo(201);
			if (i != 3) {
				floating.add(idNumber);
			}
		}
		String filters = "gridId=" + grid + "&householdType=FLOATING&q=%E5%AF%BC%E5%87%BA%E6%B5%8B%E8%AF%95";
		long total = center.get("/api/v1/people?size=1&" + filters).json().path("total").asLong();
		assertThat(total).isEqualTo(3);

		List<List<String>> masked = Sheets.rows(center.download("/api/v1/exports/people.xlsx?" + filters));
		assertThat(masked).as("header and one row per listed person").hasSize((int) total + 1);
		assertThat(masked.get(0)).startsWith("身份证号", "姓名");
		int idColumn = masked.get(0).indexOf("身份证号");
		int tagColumn = masked.get(0).indexOf("重点人群");
		for (List<String> row : masked.subList(1, masked.size())) {
			assertThat(row.get(idColumn)).matches("\\d{3}\\*{11}[\\dX]{4}");
		}
		assertThat(masked.stream().map(r -> r.get(tagColumn))).contains("严重精神障碍患者");
		assertThat(lastExportAudit("people rows=3 filters=gridId,householdType,q"))
			.isEqualTo("people rows=3 filters=gridId,householdType,q");

		List<List<String>> clear = Sheets.rows(center.download("/api/v1/exports/people.xlsx?unmask=true&" + filters));
		Set<String> exported = new TreeSet<>();
		clear.subList(1, clear.size()).forEach(row -> exported.add(row.get(idColumn)));
		assertThat(exported).isEqualTo(floating);
		assertThat(lastExportAudit("people rows=3 unmasked filters=gridId,householdType,q"))
			.isEqualTo("people rows=3 unmasked filters=gridId,householdType,q");

		Response submitted = center.upload("/api/v1/imports?kind=people", "export.xlsx",
				center.download("/api/v1/exports/people.xlsx?unmask=true&" + filters));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(202);
		JsonNode job = Sheets.waitFor(center, submitted.json().path("id").asLong());
		assertThat(job.path("rowsOk").asInt()).as(center.get("/api/v1/imports/" + job.path("id") + "/errors").body())
			.isEqualTo(3);
		assertThat(job.path("updated").asInt()).isEqualTo(3);
		JsonNode tagged = center.get("/api/v1/people?tag=MENTAL_DISORDER&size=200&" + filters).json().path("items");
		assertThat(tagged.size()).isEqualTo(1);
		assertThat(tagged.get(0).path("tags").get(0).path("details").path("guardianName").asString())
			.as("a key group's own fields survive the round trip")
			.isEqualTo("导出监护人");

		Response badFilter = center.get("/api/v1/exports/people.xlsx?householdType=TOURIST");
		assertThat(badFilter.status()).isEqualTo(400);
		assertThat(badFilter.errorFields()).containsExactly("householdType");
		assertThat(worker1.get("/api/v1/exports/people.xlsx?" + filters).status()).as("no basedata:export")
			.isEqualTo(403);
		assertThat(center.get("/api/v1/exports/cars.xlsx").status()).isEqualTo(404);
	}

	/** The newest export audit row, once it reads {@code expected} (or after 5 s). */
	private String lastExportAudit(String expected) throws InterruptedException {
		return eventually(() -> this.jdbc
			.queryForList("select detail from audit_log where action = 'BASEDATA_EXPORT'"
					+ " and username = 'center' order by id desc limit 1", String.class)
			.stream()
			.findFirst()
			.orElse(null), expected::equals);
	}

}
