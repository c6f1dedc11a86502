package org.govgrid.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.govgrid.basedata.CreditCodes;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Houses, organisations and things through the same machinery: their templates, bad cells
 * reported by column, natural keys (normalised address, credit code, code) that make a
 * second import update, and exports matching their lists.
 */
class ObjectSheetsIT extends ApiIntegrationTest {

	private static final String GRID = "320505006001002";

	private static final String OTHER_TOWN_GRID = "320505007001001";

	private ApiClient center;

	/** Makes this run's keys unique in the shared database. */
	private final String token = Long.toString(System.nanoTime() % 100_000_000, 36).toUpperCase();

	@BeforeEach
	void signIn() {
		this.center = this.accounts.demo(this.port, "center");
	}

	@Test
	void templatesCarryTheColumnsTheGuideAndDropdowns() throws Exception {
		for (String kind : List.of("people", "houses", "organizations", "things")) {
			byte[] template = this.center.download("/api/v1/imports/templates/" + kind + ".xlsx");
			try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
				assertThat(workbook.getSheetName(1)).isEqualTo("填写说明");
				assertThat(workbook.isSheetHidden(2)).isTrue();
				assertThat(workbook.getSheetAt(0).getDataValidations()).as(kind + " dropdowns").isNotEmpty();
				assertThat(workbook.getSheetAt(1).getLastRowNum()).as(kind + " guide").isGreaterThan(10);
			}
		}
		assertThat(Sheets.templateHeaders(this.center, "houses")).startsWith("房屋地址")
			.contains("房屋用途", "是否出租", "所属网格编码", "经度", "纬度");
		assertThat(Sheets.templateHeaders(this.center, "organizations")).contains("统一社会信用代码", "组织类别", "隐患类型");
		assertThat(Sheets.templateHeaders(this.center, "things")).startsWith("部件编码").contains("部件类型", "经度");
		assertThat(this.center.get("/api/v1/imports/templates/cars.xlsx").status()).isEqualTo(404);
	}

	@Test
	void housesByNormalisedAddress() throws Exception {
		List<String> headers = Sheets.templateHeaders(this.center, "houses");
		String address = "导入路" + this.token + "号";
		List<Map<String, String>> rows = new ArrayList<>();
		rows.add(house(address, "住宅", Map.of("面积", "88.5", "是否出租", "是")));
		rows.add(house(Sheets.fullWidth(address) + " ", "住宅", Map.of()));
		rows.add(house(address + "-2", "宫殿", Map.of()));
		rows.add(house(address + "-3", "OFFICE", Map.of("面积", "-5")));
		rows.add(house(address + "-4", "商业", Map.of("是否出租", "也许")));
		rows.add(house(address + "-5", "住宅", Map.of("所属网格编码", OTHER_TOWN_GRID)));
		byte[] file = Sheets.csv(headers, rows, StandardCharsets.UTF_8);

		JsonNode job = Sheets.importAndWait(this.center, "houses", "houses.csv", file);
		assertThat(job.path("rowsOk").asInt()).isEqualTo(1);
		assertThat(job.path("created").asInt()).isEqualTo(1);
		assertThat(Sheets.errors(this.center, job.path("id").asLong())).containsExactly("3 房屋地址", "4 房屋用途", "5 面积",
				"6 是否出租", "7 所属网格编码");

		JsonNode again = Sheets.importAndWait(this.center, "houses", "houses.csv", file);
		assertThat(again.path("updated").asInt()).isEqualTo(1);
		assertThat(again.path("created").asInt()).isZero();

		String filter = "q=" + this.token + "&use=RESIDENTIAL";
		JsonNode list = this.center.get("/api/v1/houses?" + filter).json();
		assertThat(list.path("total").asInt()).isEqualTo(1);
		assertThat(list.path("items").get(0).path("rented").asBoolean()).isTrue();
		List<List<String>> exported = Sheets.rows(this.center.download("/api/v1/exports/houses.xlsx?" + filter));
		assertThat(exported).hasSize(2);
		assertThat(exported.get(1)).startsWith(address).contains("住宅", "是", GRID);
	}

	private Map<String, String> house(String address, String use, Map<String, String> more) {
		Map<String, String> row = new HashMap<>(Map.of("房屋地址", address, "房屋用途", use, "所属网格编码", GRID));
		row.putAll(more);
		return row;
	}

	@Test
	void organizationsByCreditCode() throws Exception {
		List<String> headers = Sheets.templateHeaders(this.center, "organizations");
		String code = creditCode(1);
		List<Map<String, String>> rows = new ArrayList<>();
		rows.add(organization("导入公司" + this.token, code, Map.of("从业人数", "12", "是否建立党组织", "是")));
		rows.add(organization("导入公司" + this.token + "乙", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'),
				Map.of()));
		rows.add(organization("导入公司" + this.token + "丙", creditCode(2), Map.of("从业人数", "十二")));
		rows.add(organization("导入公司" + this.token + "丁", creditCode(3), Map.of("组织类别", "政府机关")));
		rows.add(organization("导入公司" + this.token + "戊", code.toLowerCase(), Map.of()));
		byte[] file = Sheets.xlsx(headers, rows);

		JsonNode job = Sheets.importAndWait(this.center, "organizations", "orgs.xlsx", file);
		assertThat(job.path("rowsOk").asInt()).isEqualTo(1);
		assertThat(Sheets.errors(this.center, job.path("id").asLong())).containsExactly("3 统一社会信用代码", "4 从业人数",
				"5 组织类别", "6 统一社会信用代码");
		assertThat(Sheets.importAndWait(this.center, "organizations", "orgs.xlsx", file).path("updated").asInt())
			.isEqualTo(1);

		String filter = "q=" + this.token + "&kind=NON_PUBLIC_ECONOMIC";
		JsonNode list = this.center.get("/api/v1/organizations?" + filter).json();
		assertThat(list.path("total").asInt()).isEqualTo(1);
		assertThat(list.path("items").get(0).path("staffCount").asInt()).isEqualTo(12);
		List<List<String>> exported = Sheets.rows(this.center.download("/api/v1/exports/organizations.xlsx?" + filter));
		assertThat(exported).hasSize(2);
		assertThat(exported.get(1)).contains(code, "非公有制经济组织", "12", "消防隐患", "是");
	}

	private Map<String, String> organization(String name, String creditCode, Map<String, String> more) {
		Map<String, String> row = new HashMap<>(Map.of("单位名称", name, "组织类别", "非公有制经济组织", "统一社会信用代码", creditCode, "隐患类型",
				"消防隐患", "地址", "狮山街道导入路1号", "所属网格编码", GRID));
		row.putAll(more);
		return row;
	}

	/** Credit codes take no I, O, S, V or Z: digits only. */
	private String creditCode(int n) {
		String first17 = "91320505" + String.format("%08d", System.identityHashCode(this) % 100_000_000) + n;
		return first17 + CreditCodes.checkCharacter(first17);
	}

	@Test
	void thingsByCodeWithTheirLocation() throws Exception {
		List<String> headers = Sheets.templateHeaders(this.center, "things");
		double[] point = center(GRID);
		String code = "IMP-" + this.token;
		List<Map<String, String>> rows = new ArrayList<>();
		rows.add(thing(code, "井盖", point, Map.of("状态", "损坏")));
		rows.add(thing(code + "-2", "井盖", point, Map.of("经度", "")));
		rows.add(thing(code + "-3", "飞碟", point, Map.of()));
		rows.add(thing(code + "-4", "路灯", point, Map.of("纬度", "北纬31度")));
		byte[] file = Sheets.xlsx(headers, rows);

		JsonNode job = Sheets.importAndWait(this.center, "things", "things.xlsx", file);
		assertThat(job.path("rowsOk").asInt()).isEqualTo(1);
		assertThat(Sheets.errors(this.center, job.path("id").asLong())).containsExactly("3 经度", "4 部件类型", "5 纬度");
		assertThat(Sheets.importAndWait(this.center, "things", "things.xlsx", file).path("updated").asInt())
			.isEqualTo(1);

		String filter = "q=" + code + "&status=DAMAGED";
		JsonNode list = this.center.get("/api/v1/things?" + filter).json();
		assertThat(list.path("total").asInt()).isEqualTo(1);
		assertThat(list.path("items").get(0).path("gridName").asString()).isNotBlank();
		List<List<String>> exported = Sheets.rows(this.center.download("/api/v1/exports/things.xlsx?" + filter));
		assertThat(exported).hasSize(2);
		assertThat(exported.get(1)).startsWith(code, "井盖").contains("损坏", GRID);
	}

	private Map<String, String> thing(String code, String type, double[] point, Map<String, String> more) {
		Map<String, String> row = new HashMap<>(Map.of("部件编码", code, "部件类型", type, "部件名称", type + code, "经度",
				Double.toString(point[0]), "纬度", Double.toString(point[1])));
		row.putAll(more);
		return row;
	}

}
