package org.govgrid.openplatform;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 item 7: the change feed. A house created, edited and deleted in 狮山街道 comes as
 * three changes in order (the last a tombstone) to a 狮山街道 client with
 * {@code basedata:read}; reading from the last cursor resumes after it; another town's
 * house stays out, and the other town's client sees only its own; people come masked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChangeFeedIT extends ApiIntegrationTest {

	private static final String SHISHAN = "320505006";

	private static final String GRID_1 = "320505006001001";

	private ApiClient admin;

	private MachineCalls machine;

	@BeforeAll
	void setUp() {
		this.admin = this.accounts.signedIn(this.port, "SYS_ADMIN", "320500");
		this.machine = new MachineCalls(this.port);
	}

	@Test
	void aHouseCreatedEditedAndDeletedComesAsThreeChangesInOrderScopedAndResumable() throws Exception {
		String otherGrid = this.jdbc.queryForObject(
				"select r.code from app_user u join region r on r.id = u.scope_region_id where u.username = 'worker3'",
				String.class);
		String otherTown = otherGrid.substring(0, 9);
		assertThat(otherTown).isNotEqualTo(SHISHAN);
		String shishan = token(SHISHAN, "basedata:read");
		String other = token(otherTown, "basedata:read");
		String start = end(shishan);
		String otherStart = end(other);

		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response created = worker1.post("/api/v1/houses", house("变更订阅测试路" + System.nanoTime() + "号", GRID_1));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		Map<String, Object> edit = house(created.json().path("address").asString(), GRID_1);
		edit.put("ownerName", "李四");
		edit.put("version", created.json().path("version").asInt());
		assertThat(worker1.put("/api/v1/houses/" + id, edit).status()).isEqualTo(200);
		assertThat(worker1.delete("/api/v1/houses/" + id).status()).isEqualTo(204);
		assertThat(worker1.get("/api/v1/houses/" + id).status()).isEqualTo(404);
		Response elsewhere = this.accounts.demo(this.port, "worker3")
			.post("/api/v1/houses", house("变更订阅外镇路" + System.nanoTime() + "号", otherGrid));
		assertThat(elsewhere.status()).as(elsewhere.body()).isEqualTo(201);
		long otherId = elsewhere.json().path("id").asLong();

		List<JsonNode> mine = eventually(() -> changesOf(shishan, start, id), list -> list.size() >= 3);
		assertThat(mine).extracting(c -> c.path("op").asString()).containsExactly("UPSERT", "UPSERT", "DELETE");
		assertThat(mine).extracting(c -> c.path("type").asString()).containsOnly("houses");
		assertThat(mine.get(0).path("resource").path("ownerName").asString()).isEqualTo("王建国");
		assertThat(mine.get(1).path("resource").path("ownerName").asString()).isEqualTo("李四");
		assertThat(mine.get(2).has("resource") && !mine.get(2).path("resource").isNull()).isFalse();
		assertThat(mine.get(0).path("at").asString()).isNotBlank();

		// another town's house is not in 狮山街道's feed, and 狮山's is not in the other's
		assertThat(changesOf(shishan, start, otherId)).isEmpty();
		List<JsonNode> theirs = eventually(() -> changesOf(other, otherStart, otherId), list -> !list.isEmpty());
		assertThat(theirs).hasSize(1);
		assertThat(changesOf(other, otherStart, id)).isEmpty();

		// from the last cursor the feed resumes after it: the house does not come again
		String last = mine.get(2).path("cursor").asString();
		assertThat(changesOf(shishan, last, id)).isEmpty();
		Response resumed = this.machine.get("/api/v1/open/changes?types=houses&since=" + last, shishan);
		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.json().path("next").asString()).isNotBlank();
	}

	@Test
	void peopleComeMaskedAndTheFeedChecksItsInput() throws Exception {
		String shishan = token(SHISHAN, "basedata:read");
		String start = end(shishan);
		String idNumber = TestIds.idNumber(LocalDate.of(1990, 5, 6), "1");
		String phone = TestIds.phone();
		Map<String, Object> person = new HashMap<>();
		person.put("idNumber", idNumber);
		person.put("name", "变更订阅测试人");
		person.put("phone", phone);
		person.put("householdType", "FLOATING");
		person.put("gridId", this.accounts.region(GRID_1).id());
		person.put("currentAddress", "狮山街道变更订阅测试地址");
		Response created = this.accounts.demo(this.port, "worker1").post("/api/v1/people", person);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();

		List<JsonNode> changes = eventually(() -> changesOf(shishan, start, id), list -> !list.isEmpty());
		assertThat(changes.get(0).path("type").asString()).isEqualTo("people");
		String resource = changes.get(0).path("resource").toString();
		assertThat(resource).doesNotContain(idNumber).doesNotContain(phone).contains("变更订阅测试人");
		assertThat(this.jdbc.queryForObject("select count(*) from open_change_log where resource::text like ?",
				Integer.class, "%" + idNumber + "%"))
			.isZero();

		Response bad = this.machine.get("/api/v1/open/changes?since=nonsense&types=houses,cars&limit=0", shishan);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).contains("since", "types", "limit");
		// events need events:read
		assertThat(this.machine.get("/api/v1/open/changes?types=events", shishan).status()).isEqualTo(403);
		String events = token(SHISHAN, "events:read");
		assertThat(this.machine.get("/api/v1/open/changes?types=events&limit=5", events).status()).isEqualTo(200);
		assertThat(this.machine.get("/api/v1/open/changes?types=houses", events).status()).isEqualTo(403);
		// people with the read permissions use it with their session
		ApiClient center = this.accounts.demo(this.port, "center");
		assertThat(center.get("/api/v1/open/changes?types=houses&limit=5").status()).isEqualTo(200);
	}

	private String token(String town, String scope) {
		Response created = this.admin.post("/api/v1/open/clients",
				Map.of("name", "变更订阅 " + town + " " + scope, "unit", "数据交换测试单位", "scopes", List.of(scope), "regionId",
						this.accounts.region(town).id(), "rateLimitPerMinute", 100000, "allowedIps", List.of()));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return this.machine.accessToken(created.json().path("clientId").asString(),
				created.json().path("clientSecret").asString(), scope);
	}

	/** The cursor after everything the feed hands out now. */
	private String end(String token) {
		String cursor = "";
		while (true) {
			Response page = this.machine.get("/api/v1/open/changes?limit=1000&since=" + cursor, token);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			cursor = page.json().path("next").asString();
			if (page.json().path("changes").size() < 1000) {
				return cursor;
			}
		}
	}

	/** The changes of one object from {@code since} on, all pages read. */
	private List<JsonNode> changesOf(String token, String since, long objectId) {
		List<JsonNode> found = new ArrayList<>();
		String cursor = since;
		while (true) {
			Response page = this.machine.get("/api/v1/open/changes?limit=1000&since=" + cursor, token);
			assertThat(page.status()).as(page.body()).isEqualTo(200);
			String previous = cursor;
			for (JsonNode change : page.json().path("changes")) {
				assertThat(change.path("cursor").asString()).isNotEqualTo(previous);
				if (change.path("id").asLong() == objectId) {
					found.add(change);
				}
			}
			cursor = page.json().path("next").asString();
			if (page.json().path("changes").size() < 1000) {
				return found;
			}
		}
	}

	private Map<String, Object> house(String address, String grid) {
		double[] point = center(grid);
		Map<String, Object> body = new HashMap<>();
		body.put("address", address);
		body.put("building", "1幢");
		body.put("use", "RESIDENTIAL");
		body.put("area", 66.5);
		body.put("ownerName", "王建国");
		body.put("gridId", this.accounts.region(grid).id());
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		return body;
	}

}
