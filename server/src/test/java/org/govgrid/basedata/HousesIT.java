package org.govgrid.basedata;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionSummary;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 实有房屋: one house per normalised address, read within the scope, tenants and residents
 * shown masked, changes guarded by the version.
 */
class HousesIT extends ApiIntegrationTest {

	private static final String GRID_1 = "320505006001001";

	private static final String GRID_2 = "320505006001002";

	@Autowired
	Houses houses;

	static String address() {
		return "狮山街道测试路" + System.nanoTime() + "号";
	}

	Map<String, Object> house(String address) {
		double[] point = center(GRID_1);
		Map<String, Object> body = new HashMap<>();
		body.put("address", address);
		body.put("building", "3幢");
		body.put("unit", "1单元");
		body.put("room", "201室");
		body.put("use", "RESIDENTIAL");
		body.put("area", 89.5);
		body.put("ownerName", "王建国");
		body.put("gridId", this.accounts.region(GRID_1).id());
		body.put("lon", point[0]);
		body.put("lat", point[1]);
		return body;
	}

	@Test
	void oneHousePerNormalisedAddressSeenWithinTheScopeOnly() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		ApiClient chief1 = this.accounts.demo(this.port, "chief1");
		ApiClient center = this.accounts.demo(this.port, "center");
		String digits = Long.toString(System.nanoTime());
		Response created = worker1.post("/api/v1/houses", house("金山路" + digits + "号 3幢"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().path("id").asLong();
		assertThat(created.json().path("useName").asString()).isEqualTo("住宅");
		assertThat(created.json().path("gridName").asString()).isEqualTo("狮山社区第1网格");
		assertThat(created.json().path("rented").asBoolean()).isFalse();
		assertThat(created.json().path("status").asString()).isEqualTo("ACTIVE");
		assertThat(created.json().path("tenants").isArray()).isTrue();

		String fullWidth = "金山路" + toFullWidth(digits) + "号\u30003幢";
		Response again = worker1.post("/api/v1/houses", house(fullWidth));
		assertThat(again.status()).as("the same address in full-width digits").isEqualTo(409);

		assertThat(worker2.get("/api/v1/houses/" + id).status()).isEqualTo(404);
		assertThat(worker3.get("/api/v1/houses/" + id).status()).isEqualTo(404);
		assertThat(worker2.put("/api/v1/houses/" + id, house(address())).status()).isEqualTo(404);
		assertThat(chief1.get("/api/v1/houses/" + id).status()).isEqualTo(200);
		assertThat(center.get("/api/v1/houses/" + id).status()).isEqualTo(200);
		assertThat(worker2.get("/api/v1/houses?size=200&q=" + digits).json().path("total").asInt()).isZero();
		Response listed = center.get("/api/v1/houses?q=" + digits + "&use=RESIDENTIAL&rented=false");
		assertThat(listed.json().path("total").asInt()).isEqualTo(1);
		assertThat(listed.json().path("items").get(0).has("tenants")).as("the detail only").isFalse();
		assertThat(center.get("/api/v1/houses?use=CASTLE").errorFields()).containsExactly("use");
	}

	@Test
	void everyBadFieldIsNamedAndNothingIsWritten() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Integer before = this.jdbc.queryForObject("select count(*) from bd_house", Integer.class);
		Map<String, Object> bad = house("");
		bad.put("use", "CASTLE");
		bad.put("area", -3);
		bad.put("building", "幢".repeat(31));
		bad.remove("lat");
		bad.put("status", "GONE");
		bad.put("validFrom", "2026-01-01");
		bad.put("validTo", "2025-01-01");
		Response response = worker1.post("/api/v1/houses", bad);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.errorFields()).containsExactlyInAnyOrder("address", "use", "area", "building", "lat",
				"status", "validTo");

		Map<String, Object> elsewhere = house(address());
		elsewhere.put("gridId", this.accounts.region(GRID_2).id());
		assertThat(worker1.post("/api/v1/houses", elsewhere).errorFields()).containsExactly("gridId");
		assertThat(this.jdbc.queryForObject("select count(*) from bd_house", Integer.class)).isEqualTo(before);
	}

	@Test
	void aTenantMarksTheHouseRentedAndOccupantsAreMasked() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient worker2 = this.accounts.demo(this.port, "worker2");
		Response created = worker1.post("/api/v1/houses", house(address()));
		long house = created.json().path("id").asLong();
		String tenantId = TestIds.idNumber(LocalDate.of(1995, 7, 9), "2");
		long tenant = person(worker1, tenantId, GRID_1, null);
		String residentId = TestIds.idNumber();
		long resident = person(worker1, residentId, GRID_1, house);
		long outOfReach = person(worker2, TestIds.idNumber(), GRID_2, null);

		Response added = worker1.post("/api/v1/houses/" + house + "/tenants",
				Map.of("personId", tenant, "since", "2026-03-01", "until", "2027-02-28"));
		assertThat(added.status()).as(added.body()).isEqualTo(200);
		assertThat(added.json().path("rented").asBoolean()).isTrue();
		assertThat(added.json().path("version").asInt()).isEqualTo(created.json().path("version").asInt() + 1);
		JsonNode tenancy = added.json().path("tenants").get(0);
		assertThat(tenancy.path("personId").asLong()).isEqualTo(tenant);
		assertThat(tenancy.path("since").asString()).isEqualTo("2026-03-01");
		assertThat(tenancy.path("idNumber").asString())
			.isEqualTo(tenantId.substring(0, 3) + "***********" + tenantId.substring(14));
		assertThat(added.json().path("residents").findValuesAsString("personId"))
			.containsExactly(String.valueOf(resident));
		assertThat(added.body()).doesNotContain(tenantId).doesNotContain(residentId);
		assertThat(worker1.get("/api/v1/houses?rented=true&size=200").json().path("items").findValuesAsString("id"))
			.contains(String.valueOf(house));

		Response bad = worker1.post("/api/v1/houses/" + house + "/tenants",
				Map.of("personId", outOfReach, "since", "2026-03-01", "until", "2025-02-28"));
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("personId", "until");
		assertThat(worker2.post("/api/v1/houses/" + house + "/tenants", Map.of("personId", outOfReach)).status())
			.isEqualTo(404);
		assertThat(worker2.delete("/api/v1/houses/" + house + "/tenants/" + tenant).status()).isEqualTo(404);

		Response removed = worker1.delete("/api/v1/houses/" + house + "/tenants/" + tenant);
		assertThat(removed.status()).as(removed.body()).isEqualTo(200);
		assertThat(removed.json().path("tenants").size()).isZero();
		assertThat(removed.json().path("rented").asBoolean()).as("until the house is edited").isTrue();
		assertThat(worker1.delete("/api/v1/houses/" + house + "/tenants/" + tenant).status()).isEqualTo(404);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where object_type = 'house' and object_id = ? and action like 'HOUSE_TENANT_%'",
				Integer.class, String.valueOf(house)))
			.isEqualTo(2);
	}

	@Test
	void anUpdateNeedsTheCurrentVersion() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Response created = worker1.post("/api/v1/houses", house(address()));
		long id = created.json().path("id").asLong();
		Map<String, Object> update = house(created.json().path("address").asString());
		update.put("use", "MIXED");
		update.put("rented", true);
		update.put("version", created.json().path("version").asInt());
		Response updated = worker1.put("/api/v1/houses/" + id, update);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().path("useName").asString()).isEqualTo("商住两用");
		assertThat(updated.json().path("rented").asBoolean()).isTrue();
		assertThat(updated.json().path("version").asInt()).isEqualTo(created.json().path("version").asInt() + 1);
		Response stale = worker1.put("/api/v1/houses/" + id, update);
		assertThat(stale.status()).as("stale version").isEqualTo(409);

		Response taken = worker1.post("/api/v1/houses", house(address()));
		Map<String, Object> clash = house(taken.json().path("address").asString());
		assertThat(worker1.put("/api/v1/houses/" + id, clash).status()).as("another house's address").isEqualTo(409);
		assertThat(this.jdbc.queryForObject("select house_use from bd_house where id = ?", String.class, id))
			.isEqualTo("MIXED");
	}

	@Test
	void anImportRowUpdatesTheHouseAtTheSameAddress() {
		RegionSummary grid = this.accounts.region(GRID_1);
		ScopedPrincipal importer = new Importer(this.accounts.id("worker1"), new DataScope(grid.id(), grid.path()));
		String digits = Long.toString(System.nanoTime());
		HouseCommand first = new HouseCommand("金山路" + digits + "号", null, null, null, "RESIDENTIAL", null, null, null,
				grid.id(), null, null, null, null, null, null);
		Houses.Saved created = this.houses.upsert(first, importer);
		assertThat(created.created()).isTrue();
		HouseCommand again = new HouseCommand(" 金山路" + toFullWidth(digits) + "号 ", null, null, null, "COMMERCIAL", null,
				"李四", null, grid.id(), null, null, null, null, null, null);
		Houses.Saved updated = this.houses.upsert(again, importer);
		assertThat(updated).isEqualTo(new Houses.Saved(created.id(), false));
		assertThat(this.houses.view(created.id(), importer).use()).isEqualTo("COMMERCIAL");
	}

	private long person(ApiClient client, String idNumber, String gridCode, Long houseId) {
		Map<String, Object> body = new HashMap<>();
		body.put("idNumber", idNumber);
		body.put("name", "房屋测试");
		body.put("householdType", "FLOATING");
		body.put("gridId", this.accounts.region(gridCode).id());
		body.put("currentAddress", "狮山街道测试地址");
		body.put("houseId", houseId);
		Response created = client.post("/api/v1/people", body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().path("id").asLong();
	}

	static String toFullWidth(String digits) {
		StringBuilder wide = new StringBuilder();
		digits.chars().forEach(c -> wide.append((char) (c - '0' + '０')));
		return wide.toString();
	}

	/** An import job's caller: a user and a scope, without a web session. */
	record Importer(long userId, DataScope scope) implements ScopedPrincipal {

		@Override
		public String username() {
			return "worker1";
		}

		@Override
		public String displayName() {
			return "网格员一";
		}

		@Override
		public Long departmentId() {
			return null;
		}

		@Override
		public Set<String> permissions() {
			return Set.of("basedata:object:read", "basedata:object:write");
		}

	}

}
