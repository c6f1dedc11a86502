package org.govgrid.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.BrowserTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 导入边界 on the console's region page: a district administrator checks a GeoJSON of a
 * community and its grids (one bad), sees the bad feature named in the report, checks the
 * fixed file and imports it; the grids appear on the map. The district is made by the
 * test in the south margin of the demo city (code 320588, clear of the API tests').
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoundaryImportConsoleBrowserIT extends BrowserTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String DISTRICT = "320588";

	private static final String TOWN = DISTRICT + "001";

	private static final String COMMUNITY = TOWN + "001";

	private static final double WEST = 120.640;

	private static final double SOUTH = 31.252;

	private static final double SIZE = 0.024;

	private String username;

	@BeforeAll
	void aDistrictWithATownAndItsAdministrator() {
		ApiClient city = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		long district = create(city, this.accounts.region("320500").id(), "DISTRICT", DISTRICT, "浏览器导入区");
		create(city, district, "TOWN", TOWN, "浏览器导入街道");
		this.username = this.accounts.create("bi_district_admin", "SYS_ADMIN", DISTRICT);
	}

	@Test
	void theAdministratorChecksTheFileSeesTheBadFeatureThenImportsTheFixedOne() throws IOException {
		Path bad = file("bad", true);
		Path fixed = file("fixed", false);
		Page page = newPage();
		signIn(page, this.username, org.govgrid.support.Accounts.INITIAL);
		changeInitialPassword(page, "Boundary#Import2026");
		page.navigate(url("/regions"));
		page.locator("[data-testid=region-tree]").getByText("浏览器导入街道").click();
		assertThat(page.locator("[data-testid=region-panel]")).containsText(TOWN);

		page.locator("[data-testid=boundary-import-open]").click();
		Locator dialog = page.locator("[data-testid=boundary-import-dialog]");
		assertThat(dialog).containsText("浏览器导入街道");
		dialog.locator("[data-testid=boundary-file]").setInputFiles(bad);
		dialog.locator("[data-testid=boundary-code-field]").fill("DM");
		dialog.locator("[data-testid=boundary-name-field]").fill("MC");
		dialog.locator("[data-testid=boundary-parent-field]").fill("SJDM");
		dialog.locator("[data-testid=boundary-check]").click();

		Locator errors = dialog.locator("[data-testid=boundary-errors] .el-table__body tr");
		assertThat(errors).hasCount(1);
		assertThat(errors).containsText(COMMUNITY + "004");
		assertThat(errors).containsText("bad geometry");
		assertThat(dialog.locator("[data-testid=boundary-error-count]")).containsText("1");
		assertThat(dialog.locator("[data-testid=boundary-commit]")).isDisabled();
		shoot(page, "console-boundary-import-dry-run");
		assertThat(
				this.jdbc.queryForObject("select count(*) from region where code like ?", Long.class, COMMUNITY + "%"))
			.isZero();

		dialog.locator("[data-testid=boundary-file]").setInputFiles(fixed);
		dialog.locator("[data-testid=boundary-check]").click();
		assertThat(dialog.locator("[data-testid=boundary-report]")).containsText("全部要素通过检查");
		dialog.locator("[data-testid=boundary-commit]").click();
		assertThat(dialog.locator("[data-testid=boundary-committed]")).containsText("7");
		shoot(page, "console-boundary-import-committed");
		assertThat(this.jdbc.queryForObject("select count(*) from region where code like ? and level = 'GRID'",
				Long.class, COMMUNITY + "%"))
			.isEqualTo(6);

		page.keyboard().press("Escape");
		assertThat(page.locator("[data-testid=region-panel]")).containsText("共 6 个网格");
		shoot(page, "console-boundary-import-map");
	}

	/**
	 * A community (last in the file) and its 3 × 2 grids; {@code broken}: grid 4 is a bow
	 * tie.
	 */
	private Path file(String name, boolean broken) throws IOException {
		List<Map<String, Object>> features = new ArrayList<>();
		double cell = SIZE / 3;
		for (int i = 0; i < 6; i++) {
			double w = WEST + (i % 3) * cell;
			double s = SOUTH + (i / 3) * (SIZE / 2);
			List<List<Double>> ring = square(w, s, w + cell, s + SIZE / 2);
			if (broken && i == 3) {
				ring = List.of(List.of(w, s), List.of(w + cell, s + SIZE / 2), List.of(w + cell, s),
						List.of(w, s + SIZE / 2), List.of(w, s));
			}
			features.add(feature(COMMUNITY + "00" + (i + 1), "导入网格" + (i + 1), COMMUNITY, ring));
		}
		features.add(feature(COMMUNITY, "浏览器导入社区", TOWN, square(WEST, SOUTH, WEST + SIZE, SOUTH + SIZE)));
		Path path = Files.createTempFile("boundaries-" + name + "-", ".geojson");
		Files.write(path, JSON.writeValueAsBytes(Map.of("type", "FeatureCollection", "features", features)));
		path.toFile().deleteOnExit();
		return path;
	}

	private static Map<String, Object> feature(String code, String name, String parent, List<List<Double>> ring) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("DM", code);
		properties.put("MC", name);
		properties.put("SJDM", parent);
		return Map.of("type", "Feature", "properties", properties, "geometry",
				Map.of("type", "Polygon", "coordinates", List.of(ring)));
	}

	private static List<List<Double>> square(double w, double s, double e, double n) {
		return List.of(List.of(w, s), List.of(e, s), List.of(e, n), List.of(w, n), List.of(w, s));
	}

	private static long create(ApiClient admin, long parentId, String level, String code, String name) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("parentId", parentId);
		body.put("level", level);
		body.put("code", code);
		body.put("name", name);
		body.put("boundary", Map.of("type", "Polygon", "coordinates",
				List.of(square(WEST - 0.001, SOUTH - 0.001, WEST + SIZE + 0.001, SOUTH + SIZE + 0.001))));
		Response response = admin.post("/api/v1/regions", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

}
