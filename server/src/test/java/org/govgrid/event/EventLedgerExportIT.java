package org.govgrid.event;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 事件台账 export: the list's filters select exactly the list's rows, within the caller's
 * scope; a hotline event shows its 12345 order number; the row count goes ahead as a
 * header; a bad filter is a 400 before any byte; event:export is required.
 */
class EventLedgerExportIT extends ApiIntegrationTest {

	private static final String TOWN = "320505006";

	private static final String GRID = "320505006001001";

	private static final String OTHER_TOWN = "320505007";

	@Test
	void theLedgerHoldsTheListsRowsWithTheHotlineNumberWithinTheCallersScope() throws Exception {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient center = this.accounts.demo(this.port, "center");
		String marker = "台账测试" + System.nanoTime();
		for (int i = 0; i < 2; i++) {
			Response reported = worker1.post("/api/v1/events",
					eventReport("QT-01", GRID, "GRID_WORKER", marker + "：井盖破损" + i, "狮山台账路" + i + "号"));
			assertThat(reported.status()).as(reported.body()).isEqualTo(201);
		}
		String orderNumber = "12345-" + System.nanoTime();
		double[] point = center(GRID);
		Map<String, Object> order = new HashMap<>();
		order.put("orderNumber", orderNumber);
		order.put("appealType", "COMPLAINT");
		order.put("title", "路灯不亮");
		order.put("content", marker + "：小区路灯连续一周不亮。");
		order.put("callerName", "王先生");
		order.put("callerPhone", "13812345678");
		order.put("address", "狮山台账路9号");
		order.put("lon", point[0]);
		order.put("lat", point[1]);
		Response hotline = center.post("/api/v1/hotline/orders", order);
		assertThat(hotline.status()).as(hotline.body()).isEqualTo(201);
		String keyword = "keyword=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);

		for (String filters : List.of(keyword, keyword + "&source=HOTLINE_12345", keyword + "&source=GRID_WORKER",
				keyword + "&status=REPORTED", keyword + "&regionId=" + this.accounts.region(GRID).id(),
				keyword + "&overdue=true", "source=HOTLINE_12345&from=2026-01-01T00:00:00Z")) {
			List<String> listed = listedCodes(center, filters);
			Response head = center.get("/api/v1/exports/events.xlsx?" + filters);
			assertThat(head.status()).as(head.body()).isEqualTo(200);
			assertThat(head.header("X-Export-Rows")).as(filters).isEqualTo(String.valueOf(listed.size()));
			List<List<String>> rows = rows(center.download("/api/v1/exports/events.xlsx?" + filters));
			assertThat(rows.get(0)).startsWith("事件编号", "标题", "来源", "12345工单号", "大类", "小类", "所属网格", "所属社区", "所属街道");
			assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toList()).as(filters).isEqualTo(listed);
		}
		assertThat(listedCodes(center, keyword)).hasSize(3);

		List<List<String>> hotlineRows = rows(
				center.download("/api/v1/exports/events.xlsx?source=HOTLINE_12345&" + keyword));
		List<String> header = hotlineRows.get(0);
		assertThat(hotlineRows).hasSize(2);
		List<String> row = hotlineRows.get(1);
		assertThat(row.get(header.indexOf("来源"))).isEqualTo("12345热线");
		assertThat(row.get(header.indexOf("12345工单号"))).isEqualTo(orderNumber);
		assertThat(row.get(header.indexOf("所属街道"))).isEqualTo(this.accounts.region(TOWN).name());
		assertThat(row.get(header.indexOf("状态"))).isNotBlank();
		List<List<String>> workerRows = rows(
				center.download("/api/v1/exports/events.xlsx?source=GRID_WORKER&" + keyword));
		assertThat(workerRows).hasSize(3);
		assertThat(workerRows.subList(1, 3)).allSatisfy(r -> {
			assertThat(r.get(header.indexOf("12345工单号"))).isEmpty();
			assertThat(r.get(header.indexOf("上报人"))).isNotBlank();
			assertThat(r.get(header.indexOf("所属网格"))).isEqualTo(this.accounts.region(GRID).name());
		});
		assertThat(eventually(
				() -> this.jdbc
					.queryForList("select detail from audit_log where action = 'EVENT_EXPORT' and username = 'center'"
							+ " order by id desc limit 1", String.class),
				d -> !d.isEmpty() && d.get(0).startsWith("events rows=2 "))
			.get(0)).isEqualTo("events rows=2 filters=keyword,source");

		// a centre of the other town sees none of them, nor any event of this town
		ApiClient otherCenter = this.accounts.signedIn(this.port, "CENTER_STAFF", OTHER_TOWN);
		assertThat(otherCenter.get("/api/v1/exports/events.xlsx?" + keyword).header("X-Export-Rows")).isEqualTo("0");
		assertThat(rows(otherCenter.download("/api/v1/exports/events.xlsx?" + keyword))).hasSize(1);
		List<List<String>> otherTown = rows(otherCenter.download("/api/v1/exports/events.xlsx"));
		assertThat(otherTown.subList(1, otherTown.size()).stream().map(r -> r.get(header.indexOf("所属街道"))))
			.doesNotContain(this.accounts.region(TOWN).name());
	}

	@Test
	void badFiltersAreOneProblemBeforeAnyByteAndTheExportPermissionIsRequired() {
		ApiClient center = this.accounts.demo(this.port, "center");
		Response bad = center.get("/api/v1/exports/events.xlsx?regionId=abc&from=yesterday&status=LOST&overdue=maybe");
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("regionId", "from", "status", "overdue");
		assertThat(bad.header("X-Export-Rows")).isNull();

		Response anonymous = new ApiClient(this.port).get("/api/v1/exports/events.xlsx");
		assertThat(anonymous.status()).isEqualTo(401);
		// a grid worker reads events but does not export the ledger
		Response worker = this.accounts.demo(this.port, "worker1").get("/api/v1/exports/events.xlsx");
		assertThat(worker.status()).as(worker.body()).isEqualTo(403);
		assertThat(worker.problemType()).isEqualTo("https://govgrid.org/problems/forbidden");
		// export only: the ledger is no import kind
		assertThat(center.get("/api/v1/imports/templates/events.xlsx").status()).isEqualTo(404);
	}

	private static List<String> listedCodes(ApiClient client, String filters) {
		JsonNode page = client.get("/api/v1/events?size=100&" + filters).json();
		assertThat(page.path("total").asLong()).as(filters).isLessThanOrEqualTo(100);
		List<String> codes = new ArrayList<>();
		page.path("items").forEach(item -> codes.add(item.path("code").asString()));
		return codes;
	}

	/** The first sheet as text, row by row, as wide as its header. */
	private static List<List<String>> rows(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			int width = sheet.getRow(0).getLastCellNum();
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < width; c++) {
					cells.add(format.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

}
