package org.govgrid.event.suggest;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.region.RegionSummary;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 智能分拨 end to end: a few hundred closed events of four 小类, each category resolved by its
 * own unit, are learnt; a new report in the words of one category ranks it (and its unit)
 * in the top 3; units stay within what the caller may route to; bad input is 400; the
 * keyword rules answer a cold start and can be edited; a close is learnt at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventSuggestIT extends ApiIntegrationTest {

	private static final String TOWN = "320505006";

	private static final String OTHER_TOWN = "320505007";

	private static final String GRID_1 = "320505006001001";

	private static final String OTHER_GRID = "320505007001001";

	/** Each category's phrasings, put together at random into many descriptions. */
	private static final Map<String, String[][]> PHRASES = Map.of("HJWS-01",
			new String[][] { { "小区门口", "菜场后面", "垃圾房旁边", "河边绿化带", "楼道口" },
					{ "生活垃圾堆了好几天没人清运", "垃圾桶满溢出来了", "垃圾乱倒堆成小山", "一堆垃圾发臭", "装修垃圾和生活垃圾混在一起堆着" },
					{ "苍蝇很多", "味道很大", "居民反映强烈", "影响环境", "夏天臭气熏天" } },
			"XFAQ-02",
			new String[][] { { "3号楼", "出租屋", "楼道里", "地下车库", "单元门口" },
					{ "有人飞线给电瓶车充电", "电动自行车推进楼道充电", "从窗户拉电线下来充电瓶车", "电动车停在楼梯间充电", "私拉电线给电动车充电" },
					{ "存在火灾隐患", "晚上一直在充", "劝说无效", "容易起火", "多次提醒不改" } },
			"MDJF-01",
			new String[][] { { "楼上住户", "隔壁邻居", "对门人家", "同一单元两户", "楼下商户" },
					{ "半夜噪音扰民吵架", "因为漏水和楼下发生争吵", "为占用公共走廊起了口角", "装修噪音影响休息发生纠纷", "养狗扰民邻里矛盾激化" },
					{ "双方情绪激动", "需要社区调解", "已经吵了好几次", "请网格员上门协调", "要求社区出面" } },
			"GGSS-02",
			new String[][] { { "主干道", "小区北门", "公园步道", "桥边", "学校门口" },
					{ "路灯不亮", "一排路灯坏了晚上漆黑", "路灯杆歪了灯也不亮", "路灯一闪一闪", "好几盏灯不亮了" },
					{ "晚上走路不安全", "已经一周了", "老人孩子容易摔倒", "请尽快维修", "照明不足" } });

	@Autowired
	private ClosedEventLearning learning;

	@Autowired
	private ClosedEventIndex index;

	@Autowired
	private IdentityProvisioning identity;

	/** The unit key each category's events were resolved by, in the first town. */
	private final Map<String, String> resolvers = new java.util.HashMap<>();

	private long otherTownDepartment;

	@BeforeAll
	void closedHistory() {
		RegionSummary town = this.accounts.region(TOWN);
		RegionSummary otherTown = this.accounts.region(OTHER_TOWN);
		String suffix = Long.toString(System.nanoTime() % 1_000_000);
		long environment = this.identity.department(TOWN + "-SG1" + suffix, "智能分拨测试环卫", town.id());
		long fire = this.identity.department(TOWN + "-SG2" + suffix, "智能分拨测试消防", town.id());
		long lights = this.identity.department(TOWN + "-SG3" + suffix, "智能分拨测试路灯", town.id());
		this.otherTownDepartment = this.identity.department(OTHER_TOWN + "-SG4" + suffix, "枫桥测试环卫", otherTown.id());
		RegionSummary community = this.accounts.region(TOWN + "001");
		this.resolvers.put("HJWS-01", "DEPARTMENT:" + environment);
		this.resolvers.put("XFAQ-02", "DEPARTMENT:" + fire);
		this.resolvers.put("MDJF-01", "COMMUNITY:" + community.id());
		this.resolvers.put("GGSS-02", "DEPARTMENT:" + lights);
		Random random = new Random(19);
		List<Object[]> rows = new ArrayList<>();
		for (String category : List.of("HJWS-01", "XFAQ-02", "MDJF-01", "GGSS-02")) {
			for (int i = 0; i < 60; i++) {
				rows.add(row(category, text(category, random), GRID_1, this.resolvers.get(category), rows.size()));
			}
		}
		// the other town's garbage goes to its own department
		for (int i = 0; i < 40; i++) {
			rows.add(row("HJWS-01", text("HJWS-01", random), OTHER_GRID, "DEPARTMENT:" + this.otherTownDepartment,
					rows.size()));
		}
		this.jdbc.batchUpdate("""
				insert into event (code, title, description, category_code, level, source, reporter_id, reporter_name,
				    lon, lat, address, grid_id, community_id, town_id, region_path, status, handling_level, unit_kind,
				    unit_id, acceptance_minutes, disposal_minutes, reported_at, closed_at)
				values (?, ?, ?, ?, 'GENERAL', 'GRID_WORKER', ?, '智能分拨测试', ?, ?, '测试地址', ?, ?, ?, ?, 'CLOSED',
				    'TOWN', ?, ?, 120, 1440, ?, ?)""", rows);
	}

	/**
	 * The history is written straight into the event table, past the statistics: gone
	 * after the class, so that later tests comparing lists and statistics agree.
	 */
	@org.junit.jupiter.api.AfterAll
	void removeTheHistory() {
		this.jdbc.update("delete from event where reporter_name = '智能分拨测试' and code like 'SG%'");
	}

	private Object[] row(String category, String description, String gridCode, String unitKey, int n) {
		RegionSummary grid = this.accounts.region(gridCode);
		RegionSummary community = this.accounts.region(gridCode.substring(0, 12));
		double[] point = center(gridCode);
		// long closed, so that no time window of other tests sees them
		Instant reported = Instant.now().minus(300, ChronoUnit.DAYS).plus(n, ChronoUnit.MINUTES);
		String[] unit = unitKey.split(":");
		return new Object[] { "SG" + (System.nanoTime() % 1_000_000_000_000L) + n, description, description, category,
				this.accounts.id("worker1"), point[0], point[1], grid.id(), community.id(), community.parentId(),
				grid.path(), unit[0], Long.parseLong(unit[1]), Timestamp.from(reported),
				Timestamp.from(reported.plus(1, ChronoUnit.DAYS)) };
	}

	private static String text(String category, Random random) {
		StringBuilder text = new StringBuilder();
		for (String[] part : PHRASES.get(category)) {
			text.append(part[random.nextInt(part.length)]).append('，');
		}
		return text.substring(0, text.length() - 1);
	}

	@Test
	void aNewReportInTheWordsOfOneCategoryRanksItAndItsUnitFirst() {
		assertThat(this.learning.rebuild()).isGreaterThanOrEqualTo(280);
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		double[] point = center(GRID_1);
		JsonNode garbage = suggest(worker1,
				Map.of("description", "垃圾房旁边的垃圾好几天没清运，发臭了", "lon", point[0], "lat", point[1]));
		assertThat(codes(garbage.path("categories"))).hasSizeLessThanOrEqualTo(3).first().isEqualTo("HJWS-01");
		assertThat(unitKeys(garbage.path("units"))).first().isEqualTo(this.resolvers.get("HJWS-01"));
		JsonNode first = garbage.path("categories").get(0);
		assertThat(first.path("name").asString()).isEqualTo("垃圾堆积");
		assertThat(first.path("parentCode").asString()).isEqualTo("HJWS");
		assertThat(first.path("score").asDouble()).isBetween(0.0, 1.0);
		assertThat(garbage.path("units").get(0).path("name").asString()).isEqualTo("智能分拨测试环卫");

		JsonNode charging = suggest(worker1, Map.of("title", "楼道充电", "description", "有户人家每天晚上把电瓶车推到楼道里拉线充电"));
		assertThat(codes(charging.path("categories"))).contains("XFAQ-02");
		assertThat(unitKeys(charging.path("units"))).contains(this.resolvers.get("XFAQ-02"));

		JsonNode quarrel = suggest(worker1, Map.of("description", "楼上邻居半夜吵架噪音很大，两家闹矛盾了"));
		assertThat(codes(quarrel.path("categories"))).first().isEqualTo("MDJF-01");
		assertThat(unitKeys(quarrel.path("units"))).first().isEqualTo(this.resolvers.get("MDJF-01"));

		JsonNode dark = suggest(worker1, Map.of("description", "学校门口好几盏路灯坏了，晚上很黑"));
		assertThat(codes(dark.path("categories"))).first().isEqualTo("GGSS-02");
		assertThat(dark.path("categories").get(0).path("score").asDouble())
			.isGreaterThan(dark.path("categories").path(1).path("score").asDouble(0));
	}

	@Test
	void unitsAreOnlyThoseTheCallerMayRouteTo() {
		this.learning.rebuild();
		String text = "小区门口生活垃圾堆了好几天没人清运，味道很大";
		// a worker of the other town: its own department, never the first town's
		ApiClient worker3 = this.accounts.demo(this.port, "worker3");
		List<String> theirs = unitKeys(suggest(worker3, Map.of("description", text)).path("units"));
		assertThat(theirs).contains("DEPARTMENT:" + this.otherTownDepartment)
			.doesNotContain(this.resolvers.get("HJWS-01"));
		// and the first town's worker: the first town's department, never the other's
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		List<String> ours = unitKeys(suggest(worker1, Map.of("description", text)).path("units"));
		assertThat(ours).contains(this.resolvers.get("HJWS-01"))
			.doesNotContain("DEPARTMENT:" + this.otherTownDepartment);
		// a point in the other town is outside worker1's scope: not used, not revealed
		double[] elsewhere = center(OTHER_GRID);
		List<String> pointed = unitKeys(
				suggest(worker1, Map.of("description", text, "lon", elsewhere[0], "lat", elsewhere[1])).path("units"));
		assertThat(pointed).doesNotContain("DEPARTMENT:" + this.otherTownDepartment);
	}

	@Test
	void badInputNamesEveryFieldAndAuditorsMayNotAsk() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		assertThat(worker1.post("/api/v1/events/suggest", Map.of()).errorFields()).containsExactly("description");
		Response blank = worker1.post("/api/v1/events/suggest", Map.of("description", "   "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.contentType()).startsWith("application/problem+json");
		assertThat(blank.errorFields()).containsExactly("description");
		assertThat(worker1
			.post("/api/v1/events/suggest",
					Map.of("description", "路".repeat(2001), "title", "题".repeat(201), "lon", 500))
			.errorFields()).containsExactlyInAnyOrder("description", "title", "lon", "lat");
		ApiClient auditor = this.accounts.demo(this.port, "auditor");
		assertThat(auditor.post("/api/v1/events/suggest", Map.of("description", "路灯不亮")).status()).isEqualTo(403);
	}

	@Test
	void aColdStartFallsBackToTheEditableKeywordRules() {
		try {
			this.index.replaceAll(List.of());
			ApiClient worker1 = this.accounts.demo(this.port, "worker1");
			JsonNode cover = suggest(worker1, Map.of("description", "人行道上的窨井盖缺失了，很危险"));
			assertThat(codes(cover.path("categories"))).first().isEqualTo("GGSS-01");
			assertThat(cover.path("units")).isEmpty();

			ApiClient admin = this.accounts.demo(this.port, "admin");
			assertThat(admin.get("/api/v1/events/suggest/keywords/GGSS-01")
				.json()
				.path("keywords")
				.valueStream()
				.map(JsonNode::asString)).contains("井盖");
			assertThat(admin.put("/api/v1/events/suggest/keywords/AQSC-05", Map.of("keywords", List.of("蜂窝煤", " ")))
				.errorFields()).containsExactly("keywords[1]");
			assertThat(admin.get("/api/v1/events/suggest/keywords/AQSC-05").json().path("keywords").size())
				.as("nothing half-written")
				.isGreaterThan(1);
			JsonNode saved = admin
				.put("/api/v1/events/suggest/keywords/AQSC-05", Map.of("keywords", List.of("蜂窝煤", "煤炉", "蜂窝煤")))
				.json();
			assertThat(saved.path("keywords").valueStream().map(JsonNode::asString)).containsExactly("煤炉", "蜂窝煤");
			assertThat(codes(suggest(worker1, Map.of("description", "楼下小饭店用蜂窝煤炉子")).path("categories"))).first()
				.isEqualTo("AQSC-05");
			assertThat(admin.get("/api/v1/events/suggest/keywords/NOPE-99").status()).isEqualTo(404);
			assertThat(worker1.get("/api/v1/events/suggest/keywords/AQSC-05").status()).isEqualTo(403);
		}
		finally {
			this.learning.rebuild();
		}
	}

	@Test
	void anEventIsLearntAsSoonAsItCloses() {
		this.learning.rebuild();
		int before = this.index.size();
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		Map<String, Object> report = eventReport("MSFW-02", GRID_1, "GRID_WORKER", "独居的王奶奶腿脚不便需要定期上门看望", "测试地址");
		long id = worker1.post("/api/v1/events", report).json().path("id").asLong();
		assertThat(this.index.size()).as("an open event is not learnt").isEqualTo(before);
		Response handled = worker1.post("/api/v1/events/" + id + "/self-handle", Map.of("comment", "已上门看望"));
		assertThat(handled.json().path("status").asString()).isEqualTo("CLOSED");
		assertThat(this.index.size()).isEqualTo(before + 1);
		assertThat(this.index.nearest("王奶奶上门看望", ClosedEventIndex.CATEGORY, null, 1))
			.extracting(ClosedEventIndex.Neighbour::label)
			.containsExactly("MSFW-02");
	}

	private static JsonNode suggest(ApiClient client, Map<String, Object> body) {
		Response response = client.post("/api/v1/events/suggest", body);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> codes(JsonNode categories) {
		return categories.valueStream().map(c -> c.path("code").asString()).toList();
	}

	private static List<String> unitKeys(JsonNode units) {
		return units.valueStream().map(u -> u.path("kind").asString() + ":" + u.path("id").asLong()).toList();
	}

}
