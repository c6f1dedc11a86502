package org.govgrid.dictionary;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dictionaries over real HTTP: the admin adds, renames, disables and deletes codes, each
 * change bumping the table's version with a history row; system codes cannot be deleted;
 * a code added to 场所类型 is accepted by the place form at once, a disabled one refused.
 */
class DictionaryIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
	}

	private ApiClient admin() {
		return this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
	}

	private int version(String type) {
		return this.jdbc.queryForObject("select version from dict_type where code = ?", Integer.class, type);
	}

	private static Map<String, Object> item(String code, String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("code", code);
		body.put("name", name);
		body.put("nameEn", "Test " + code);
		return body;
	}

	private static List<String> actions(Response history, String code) {
		return StreamSupport.stream(history.json().spliterator(), false)
			.filter(c -> code.equals(c.path("itemCode").asString()))
			.map(c -> c.path("action").asString())
			.toList();
	}

	@Test
	void theAdminAddsRenamesDisablesAndDeletesACodeEachChangeVersionedWithItsHistory() {
		ApiClient admin = admin();
		String code = unique("MX_");
		int before = version("HOUSE_USE");

		Response created = admin.post("/api/v1/dictionaries/HOUSE_USE/items", item(code, "民宿"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("system").asBoolean()).isFalse();
		assertThat(created.json().path("enabled").asBoolean()).isTrue();
		assertThat(version("HOUSE_USE")).isEqualTo(before + 1);

		Map<String, Object> rename = item(code, "民宿客栈");
		rename.put("sort", 90);
		Response renamed = admin.put("/api/v1/dictionaries/HOUSE_USE/items/" + code, rename);
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().path("name").asString()).isEqualTo("民宿客栈");
		Map<String, Object> disable = new HashMap<>(rename);
		disable.put("enabled", false);
		assertThat(
				admin.put("/api/v1/dictionaries/HOUSE_USE/items/" + code, disable).json().path("enabled").asBoolean())
			.isFalse();
		assertThat(version("HOUSE_USE")).isEqualTo(before + 3);

		// a code never changes: the body may not rename it
		Map<String, Object> recode = item(code + "X", "民宿客栈");
		Response refused = admin.put("/api/v1/dictionaries/HOUSE_USE/items/" + code, recode);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("code");

		Response table = admin.get("/api/v1/dictionaries/HOUSE_USE");
		assertThat(table.json().path("type").path("version").asInt()).isEqualTo(before + 3);
		JsonNode listed = StreamSupport.stream(table.json().path("items").spliterator(), false)
			.filter(i -> code.equals(i.path("code").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(listed.path("enabled").asBoolean()).isFalse();
		// the forms' code table offers the enabled codes only
		assertThat(admin.get("/api/v1/dicts/HOUSE_USE").body()).doesNotContain(code).contains("\"RESIDENTIAL\"");

		assertThat(admin.delete("/api/v1/dictionaries/HOUSE_USE/items/" + code).status()).isEqualTo(204);
		assertThat(this.jdbc.queryForObject("select count(*) from dict_item where type = 'HOUSE_USE' and code = ?",
				Integer.class, code))
			.isZero();
		Response history = admin.get("/api/v1/dictionaries/HOUSE_USE/history");
		assertThat(history.status()).isEqualTo(200);
		assertThat(actions(history, code)).containsExactly("DELETE", "DISABLE", "UPDATE", "CREATE");
		JsonNode deleted = history.json().get(0);
		assertThat(deleted.path("version").asInt()).isEqualTo(before + 4);
		assertThat(deleted.path("changedBy").asString()).endsWith("_sys_admin");
		assertThat(deleted.path("before").asString()).contains("民宿客栈");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action like 'DICTIONARY_%' and object_id = ?", Integer.class,
				"HOUSE_USE/" + code))
			.isEqualTo(4);
	}

	@Test
	void aSystemCodeIsOnlyDisabledNeverDeletedAndAClosedTableTakesNoNewCode() {
		ApiClient admin = admin();
		int before = version("PLACE_TYPE");
		Response delete = admin.delete("/api/v1/dictionaries/PLACE_TYPE/items/SHOP");
		assertThat(delete.status()).as(delete.body()).isEqualTo(409);
		assertThat(delete.contentType()).startsWith("application/problem+json");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from dict_item where type = 'PLACE_TYPE' and code = 'SHOP' and enabled",
				Integer.class))
			.isOne();
		assertThat(version("PLACE_TYPE")).isEqualTo(before);

		Response closed = admin.post("/api/v1/dictionaries/SEX/items", item("7", "其他"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(409);
		assertThat(admin.get("/api/v1/dictionaries/nope").status()).isEqualTo(404);
		assertThat(admin.delete("/api/v1/dictionaries/PLACE_TYPE/items/NO_SUCH").status()).isEqualTo(404);
	}

	@Test
	void everyBadFieldIsNamedAndNothingIsWritten() {
		ApiClient admin = admin();
		int before = version("THING_TYPE");
		Integer items = this.jdbc.queryForObject("select count(*) from dict_item where type = 'THING_TYPE'",
				Integer.class);
		Map<String, Object> bad = new HashMap<>();
		bad.put("code", "坏 代码");
		bad.put("name", " ");
		bad.put("nameEn", "x".repeat(101));
		bad.put("sort", -1);
		bad.put("parentCode", "NO_SUCH_PARENT");
		Response response = admin.post("/api/v1/dictionaries/THING_TYPE/items", bad);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("code", "name", "nameEn", "sort", "parentCode");
		assertThat(this.jdbc.queryForObject("select count(*) from dict_item where type = 'THING_TYPE'", Integer.class))
			.isEqualTo(items);
		assertThat(version("THING_TYPE")).isEqualTo(before);

		Response type = admin.post("/api/v1/dictionaries", Map.of("code", "lower", "name", ""));
		assertThat(type.status()).isEqualTo(400);
		assertThat(type.errorFields()).containsExactlyInAnyOrder("code", "name");
	}

	@Test
	void aNewTableTakesChildCodes() {
		ApiClient admin = admin();
		String type = unique("MX_T");
		Response created = admin.post("/api/v1/dictionaries", Map.of("code", type, "name", "测试字典"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().path("system").asBoolean()).isFalse();
		assertThat(admin.post("/api/v1/dictionaries", Map.of("code", type, "name", "测试字典")).status()).isEqualTo(409);
		assertThat(admin.post("/api/v1/dictionaries/" + type + "/items", item("A", "甲")).status()).isEqualTo(201);
		Map<String, Object> child = item("A1", "甲一");
		child.put("parentCode", "A");
		assertThat(admin.post("/api/v1/dictionaries/" + type + "/items", child).json().path("parentCode").asString())
			.isEqualTo("A");
		assertThat(admin.delete("/api/v1/dictionaries/" + type + "/items/A").status()).as("has a child").isEqualTo(409);
		assertThat(admin.get("/api/v1/dictionaries").body()).contains(type);
	}

	@Test
	void everySignedInUserReadsATableWhichAnswersNotModifiedForItsVersion() throws Exception {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID_1);
		Response table = worker.get("/api/v1/dictionaries/PLACE_TYPE");
		assertThat(table.status()).isEqualTo(200);
		String etag = table.header("ETag");
		assertThat(etag).isEqualTo("\"PLACE_TYPE-" + table.json().path("type").path("version").asInt() + "\"");
		HttpResponse<String> again = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/dictionaries/PLACE_TYPE"))
				.header("Cookie", "GOVGRID_SESSION=" + worker.sessionCookie())
				.header("If-None-Match", etag)
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(worker.post("/api/v1/dictionaries/PLACE_TYPE/items", item("X", "x")).status()).isEqualTo(403);
	}

	@Test
	void aPlaceTakesACodeTheAdminAddedAndRefusesItOnceDisabled() {
		ApiClient admin = admin();
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", GRID_1);
		String code = unique("MXP_");
		Map<String, Object> place = new HashMap<>();
		place.put("name", "字典测试场所" + code);
		place.put("type", code);
		place.put("address", "狮山街道金山路18号");
		place.put("gridId", this.accounts.region(GRID_1).id());
		Response unknown = worker.post("/api/v1/places", place);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.errorFields()).contains("type");

		assertThat(admin.post("/api/v1/dictionaries/PLACE_TYPE/items", item(code, "共享自习室")).status()).isEqualTo(201);
		Response accepted = worker.post("/api/v1/places", place);
		assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
		assertThat(accepted.json().path("typeName").asString()).isEqualTo("共享自习室");
		long id = accepted.json().path("id").asLong();

		Map<String, Object> disable = item(code, "共享自习室");
		disable.put("enabled", false);
		assertThat(admin.put("/api/v1/dictionaries/PLACE_TYPE/items/" + code, disable).status()).isEqualTo(200);
		place.put("name", "字典测试场所二" + code);
		Response refused = worker.post("/api/v1/places", place);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("type");
		// the place already stored keeps its code and name
		assertThat(worker.get("/api/v1/places/" + id).json().path("typeName").asString()).isEqualTo("共享自习室");
	}

}
