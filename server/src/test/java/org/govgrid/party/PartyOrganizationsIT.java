package org.govgrid.party;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.TestIds;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Party organisations and members over real HTTP (标准 7.2.1a): the type hierarchy, grids
 * inside both scope and region, ID numbers checked by GB 11643 and never shown in clear,
 * scope answering 404.
 */
class PartyOrganizationsIT extends ApiIntegrationTest {

	static final String TOWN = "320505006";

	static final String COMMUNITY = "320505006001";

	static final String WORKER1_GRID = "320505006001001";

	static Map<String, Object> organization(String name, String type, Long parentId, long regionId, List<Long> grids) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("type", type);
		body.put("parentId", parentId);
		body.put("regionId", regionId);
		body.put("gridIds", grids);
		body.put("secretaryName", "张书记");
		body.put("foundedOn", "2021-07-01");
		return body;
	}

	static Map<String, Object> member(String name, String idNumber, long organizationId, Long gridId) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("idNumber", idNumber);
		body.put("phone", TestIds.phone());
		body.put("organizationId", organizationId);
		body.put("status", "FULL");
		body.put("joinedOn", "2015-06-30");
		body.put("gridId", gridId);
		body.put("dualReport", true);
		return body;
	}

	static long created(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().path("id").asLong();
	}

	/** A 党委 of the town and a 党支部 under it placed in worker1's grid: their ids. */
	long[] committeeAndBranch(ApiClient center, String tag) {
		PartyTree tree = PartyTree.create(this.accounts, center, "测试党委" + tag, "测试第一党支部" + tag);
		return new long[] { tree.committee(), tree.branch() };
	}

	@Test
	void aBranchIsPlacedInAGridAndSeenThereButNotInAnotherTown() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = Long.toString(System.nanoTime());
		long[] ids = committeeAndBranch(center, tag);

		JsonNode branch = center.get("/api/v1/party/organizations/" + ids[1]).json();
		assertThat(branch.path("type").asString()).isEqualTo("BRANCH");
		assertThat(branch.path("parentId").asLong()).isEqualTo(ids[0]);
		assertThat(branch.path("parentName").asString()).isEqualTo("测试党委" + tag);
		assertThat(branch.path("grids").get(0).path("code").asString()).isEqualTo(WORKER1_GRID);
		assertThat(branch.path("code").asString()).startsWith("DZB" + COMMUNITY);
		assertThat(branch.path("regionName").asString()).isEqualTo("狮山社区");

		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.get("/api/v1/party/organizations/" + ids[1]).status()).isEqualTo(200);
		assertThat(worker1.get("/api/v1/party/organizations/" + ids[0]).status()).isEqualTo(404);
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		assertThat(worker3.get("/api/v1/party/organizations/" + ids[1]).status()).isEqualTo(404);
		Response list = worker3.get("/api/v1/party/organizations?keyword=" + tag);
		assertThat(list.json().path("total").asLong()).isZero();

		// worker1 cannot see the committee: the branch hangs at the top of their tree
		JsonNode tree = worker1.get("/api/v1/party/organizations/tree").json();
		assertThat(tree.findValues("id").stream().map(JsonNode::asLong).toList()).contains(ids[1])
			.doesNotContain(ids[0]);
		JsonNode centerTree = center.get("/api/v1/party/organizations/tree").json();
		JsonNode committee = null;
		for (JsonNode root : centerTree) {
			if (root.path("id").asLong() == ids[0]) {
				committee = root;
			}
		}
		assertThat(committee).isNotNull();
		assertThat(committee.path("children").get(0).path("id").asLong()).isEqualTo(ids[1]);

		Response listed = center.get("/api/v1/party/organizations?type=BRANCH&keyword=" + tag);
		assertThat(listed.json().path("total").asLong()).isEqualTo(1);
		assertThat(listed.json().path("items").get(0).path("id").asLong()).isEqualTo(ids[1]);
	}

	@Test
	void theHierarchyTheScopeAndTheGridsAreCheckedNamingEveryBadField() {
		ApiClient center = this.accounts.demo(this.port, "center");
		String tag = Long.toString(System.nanoTime());
		long[] ids = committeeAndBranch(center, tag);
		long community = this.accounts.region(COMMUNITY).id();
		long otherGrid = this.accounts.region("320505007001001").id();
		Integer before = this.jdbc.queryForObject("select count(*) from party_organization", Integer.class);

		Response orphan = center.post("/api/v1/party/organizations",
				organization("孤立党小组" + tag, "GROUP", null, community, List.of()));
		assertThat(orphan.status()).isEqualTo(400);
		assertThat(orphan.errorFields()).containsExactly("parentId");

		Response sameLevel = center.post("/api/v1/party/organizations",
				organization("平级党支部" + tag, "BRANCH", ids[1], community, List.of(otherGrid)));
		assertThat(sameLevel.status()).isEqualTo(400);
		assertThat(sameLevel.errorFields()).containsExactlyInAnyOrder("type", "gridIds[0]");

		Response bad = center.post("/api/v1/party/organizations",
				organization("", "CELL", null, this.accounts.region("320505007").id(), List.of()));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.errorFields()).containsExactlyInAnyOrder("name", "type", "regionId");
		assertThat(this.jdbc.queryForObject("select count(*) from party_organization", Integer.class))
			.isEqualTo(before);

		// a committee cannot become a group while a branch hangs under it
		Map<String, Object> demoted = organization("测试党委" + tag, "GROUP", ids[1], this.accounts.region(TOWN).id(),
				List.of());
		Response cycle = center.put("/api/v1/party/organizations/" + ids[0], demoted);
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.errorFields()).contains("parentId", "type");

		Map<String, Object> renamed = organization("测试党委（更名）" + tag, "COMMITTEE", null, this.accounts.region(TOWN).id(),
				List.of());
		renamed.put("version", 0);
		Response updated = center.put("/api/v1/party/organizations/" + ids[0], renamed);
		assertThat(updated.status()).as(updated.body()).isEqualTo(200);
		assertThat(updated.json().path("version").asInt()).isEqualTo(1);
		Response stale = center.put("/api/v1/party/organizations/" + ids[0], renamed);
		assertThat(stale.status()).isEqualTo(409);
	}

	@Test
	void aMembersIdNumberIsCheckedSealedAndNeverShownInClear() {
		ApiClient center = this.accounts.demo(this.port, "center");
		long[] ids = committeeAndBranch(center, Long.toString(System.nanoTime()));
		long grid = this.accounts.region(WORKER1_GRID).id();
		String idNumber = TestIds.idNumber();
		char wrong = idNumber.charAt(17) == '0' ? '1' : '0';
		String badCheck = idNumber.substring(0, 17) + wrong;

		Response refused = center.post("/api/v1/party/members", member("李党员", badCheck, ids[1], grid));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.errorFields()).containsExactly("idNumber");

		Map<String, Object> body = member("李党员", idNumber, ids[1], grid);
		Response added = center.post("/api/v1/party/members", body);
		long id = created(added);
		assertThat(added.body()).doesNotContain(idNumber).doesNotContain((String) body.get("phone"));
		assertThat(added.json().path("idNumber").asString())
			.isEqualTo(idNumber.substring(0, 3) + "*".repeat(11) + idNumber.substring(14));
		assertThat(added.json().path("gridName").asString()).isEqualTo("狮山社区第1网格");
		assertThat(added.json().path("organizationName").asString()).startsWith("测试第一党支部");
		assertThat(added.json().path("gender").asString()).isIn("1", "2");
		Map<String, Object> stored = this.jdbc.queryForMap("select * from party_member where id = ?", id);
		assertThat(new String((byte[]) stored.get("id_cipher"), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(idNumber);

		assertThat(center.post("/api/v1/party/members", body).status()).isEqualTo(409);

		Response list = center.get("/api/v1/party/members?organizationId=" + ids[1]);
		assertThat(list.json().path("total").asLong()).isEqualTo(1);
		assertThat(list.body()).doesNotContain(idNumber);
		Response byNumber = center.get("/api/v1/party/members?keyword=" + idNumber);
		assertThat(byNumber.json().path("items").get(0).path("id").asLong()).isEqualTo(id);
		Response unplaced = center.get("/api/v1/party/members?placed=false&organizationId=" + ids[1]);
		assertThat(unplaced.json().path("total").asLong()).isZero();

		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.get("/api/v1/party/members/" + id).status()).isEqualTo(200);
		assertThat(worker1.post("/api/v1/party/members/" + id + "/unmask", null).status()).isEqualTo(403);
		assertThat(this.accounts.demo(this.port, "worker3").get("/api/v1/party/members/" + id).status()).isEqualTo(404);

		Response unmasked = center.post("/api/v1/party/members/" + id + "/unmask", null);
		assertThat(unmasked.status()).isEqualTo(200);
		assertThat(unmasked.json().path("idNumber").asString()).isEqualTo(idNumber);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_log where action = 'PARTY_MEMBER_UNMASK' and object_id = ?", Integer.class,
				Long.toString(id)))
			.isEqualTo(1);

		Map<String, Object> otherTownGrid = member("王党员", TestIds.idNumber(), ids[1],
				this.accounts.region("320505007001001").id());
		otherTownGrid.put("status", "MEMBER");
		Response outside = center.post("/api/v1/party/members", otherTownGrid);
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.errorFields()).containsExactlyInAnyOrder("gridId", "status");
	}

	@Test
	void aMemberIsLinkedToTheRegisteredPersonWithTheSameIdNumber() {
		ApiClient center = this.accounts.demo(this.port, "center");
		long[] ids = committeeAndBranch(center, Long.toString(System.nanoTime()));
		long grid = this.accounts.region(WORKER1_GRID).id();
		String idNumber = TestIds.idNumber();
		long person = created(center.post("/api/v1/people", Map.of("idNumber", idNumber, "name", "赵居民", "householdType",
				"REGISTERED", "gridId", grid, "currentAddress", "狮山路1号")));
		Response added = center.post("/api/v1/party/members", member("赵居民", idNumber, ids[1], null));
		created(added);
		assertThat(added.json().path("personId").asLong()).isEqualTo(person);
		assertThat(added.json().path("gridId").isNull()).isTrue();
		Response other = center.post("/api/v1/party/members", member("钱党员", TestIds.idNumber(), ids[1], null));
		assertThat(other.json().path("personId").isNull()).isTrue();
	}

}
