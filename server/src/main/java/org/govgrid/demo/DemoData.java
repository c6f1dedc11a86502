package org.govgrid.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.govgrid.collection.CollectionSetup;
import org.govgrid.event.EventSetup;
import org.govgrid.event.model.RoutingRule.RouteTarget;
import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.patrol.PatrolSetup;
import org.govgrid.region.RegionLevel;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;
import org.govgrid.warning.WarningSetup;
import org.locationtech.jts.geom.Geometry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo city once (profile {@code demo}): 苏州市 → 高新区 → two towns → three
 * communities each → four grids each, departments of the first town and the demo users,
 * all with the initial password {@value #INITIAL_PASSWORD} that must be changed; then the
 * base data of two grids ({@link DemoBaseData}), whenever those grids are empty.
 */
@Component
@Profile("demo")
@Order(0)
class DemoData implements ApplicationRunner {

	static final String INITIAL_PASSWORD = "GovGrid@2026";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String[][] TOWNS = { { "320505006", "狮山街道" }, { "320505007", "枫桥街道" } };

	private static final String[][] COMMUNITIES = { { "狮山社区", "何山社区", "金色社区" }, { "枫津社区", "马涧社区", "白马涧社区" } };

	private static final String[][] DEPARTMENTS = { { "CG", "城管" }, { "GA", "公安" }, { "SCJG", "市场监管" },
			{ "YJGL", "应急管理" }, { "ZJ", "住建" }, { "HB", "环保" }, { "MZ", "民政" } };

	private final RegionService regions;

	private final IdentityProvisioning identity;

	private final EventSetup events;

	private final PatrolSetup patrols;

	private final CollectionSetup collection;

	private final WarningSetup warnings;

	private final DemoBaseData baseData;

	private final Clock clock;

	DemoData(RegionService regions, IdentityProvisioning identity, EventSetup events, PatrolSetup patrols,
			CollectionSetup collection, WarningSetup warnings, DemoBaseData baseData, Clock clock) {
		this.regions = regions;
		this.identity = identity;
		this.events = events;
		this.patrols = patrols;
		this.collection = collection;
		this.warnings = warnings;
		this.baseData = baseData;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.regions.findByCode("320500").isPresent()) {
			this.baseData.seedIfEmpty();
			return;
		}
		long started = System.currentTimeMillis();
		DemoLattice lattice = new DemoLattice();
		RegionSummary city = this.regions.provision(RegionLevel.CITY, null, "320500", "苏州市",
				GeoJson.of(lattice.district().getEnvelope().buffer(0.04).getEnvelope()));
		RegionSummary district = this.regions.provision(RegionLevel.DISTRICT, city.id(), "320505", "苏州高新区（虎丘区）",
				GeoJson.of(lattice.district()));
		List<List<RegionSummary>> gridsByTown = new ArrayList<>();
		List<RegionSummary> towns = new ArrayList<>();
		List<RegionSummary> firstCommunities = new ArrayList<>();
		for (int t = 0; t < TOWNS.length; t++) {
			RegionSummary town = this.regions.provision(RegionLevel.TOWN, district.id(), TOWNS[t][0], TOWNS[t][1],
					GeoJson.of(lattice.town(t)));
			towns.add(town);
			List<RegionSummary> grids = new ArrayList<>();
			for (int c = 0; c < 3; c++) {
				String communityCode = TOWNS[t][0] + String.format(Locale.ROOT, "%03d", c + 1);
				RegionSummary community = this.regions.provision(RegionLevel.COMMUNITY, town.id(), communityCode,
						COMMUNITIES[t][c], GeoJson.of(lattice.community(t, c)));
				if (c == 0) {
					firstCommunities.add(community);
				}
				for (int g = 0; g < 4; g++) {
					Geometry cell = lattice.grid(t, c, g);
					grids.add(this.regions.provision(RegionLevel.GRID, community.id(),
							communityCode + String.format(Locale.ROOT, "%03d", g + 1),
							COMMUNITIES[t][c] + "第" + (g + 1) + "网格", GeoJson.of(cell)));
				}
			}
			gridsByTown.add(grids);
		}
		RegionSummary firstTown = towns.get(0);
		Map<String, Long> departments = new HashMap<>();
		for (String[] department : DEPARTMENTS) {
			departments.put(department[0],
					this.identity.department(firstTown.code() + "-" + department[0], department[1], firstTown.id()));
		}
		long cityManagement = departments.get("CG");
		routingRules(firstTown, departments);
		account("admin", "系统管理员", "SYS_ADMIN", city, null);
		account("secadmin", "安全管理员", "SEC_ADMIN", city, null);
		account("auditor", "安全审计员", "AUDITOR", city, null);
		account("leader", "狮山街道负责人", "TOWN_LEADER", firstTown, null);
		long center = account("center", "狮山街道指挥中心", "CENTER_STAFF", firstTown, null);
		account("dept_cg", "城管处置员", "DEPT_HANDLER", firstTown, cityManagement);
		long chief = account("chief1", "狮山社区网格长", "GRID_CHIEF", firstCommunities.get(0), null);
		long worker1 = account("worker1", "网格员一", "GRID_WORKER", gridsByTown.get(0).get(0), null);
		long worker2 = account("worker2", "网格员二", "GRID_WORKER", gridsByTown.get(0).get(1), null);
		account("worker3", "网格员三", "GRID_WORKER", gridsByTown.get(1).get(0), null);
		patrolPlans(gridsByTown.get(0), chief, worker1, worker2);
		this.warnings.countRule("同一网格24小时内同类事件≥3起", firstTown.id(), 3, 24, "YELLOW");
		this.collection.demoForms(center, firstCommunities.get(0).id(), LocalDate.now(this.clock));
		log.info("Demo data seeded in {} ms: 1 city, 1 district, 2 towns, 6 communities, 24 grids, 10 users",
				System.currentTimeMillis() - started);
		this.baseData.seedIfEmpty();
	}

	/**
	 * 城市管理 goes to 城管 by itself; environment, safety and market cases wait in the
	 * centre's queue with their department suggested; everything else simply waits there.
	 */
	private void routingRules(RegionSummary town, Map<String, Long> departments) {
		this.events.routingRule("CSGL", town.id(), RouteTarget.department(departments.get("CG")), Duration.ofHours(1),
				Duration.ofHours(24), true);
		this.events.routingRule("HJWS", town.id(), RouteTarget.department(departments.get("HB")), Duration.ofHours(2),
				Duration.ofHours(48), false);
		this.events.routingRule("AQSC", town.id(), RouteTarget.department(departments.get("YJGL")), Duration.ofHours(1),
				Duration.ofHours(12), false);
		this.events.routingRule("SCJG", town.id(), RouteTarget.department(departments.get("SCJG")), Duration.ofHours(2),
				Duration.ofHours(48), false);
		this.events.routingRule(null, town.id(), RouteTarget.of(RouteTarget.Kind.TOWN_CENTRE), Duration.ofHours(2),
				Duration.ofHours(72), false);
	}

	/**
	 * A daily 市容 patrol and a weekly fire-safety one for each of the first two workers.
	 */
	private void patrolPlans(List<RegionSummary> grids, long chief, long worker1, long worker2) {
		this.patrols.plan(grids.get(0).id(), "SR", "DAILY", 1, worker1, chief);
		this.patrols.plan(grids.get(0).id(), "XF", "WEEKLY", 2, worker1, chief);
		this.patrols.plan(grids.get(1).id(), "SR", "DAILY", 1, worker2, chief);
		this.patrols.plan(grids.get(1).id(), "HJ", "WEEKLY", 1, worker2, chief);
	}

	/**
	 * The new account's id; an account made earlier (the first administrator) is left
	 * alone.
	 */
	private Long account(String username, String name, String role, RegionSummary scope, Long departmentId) {
		if (this.identity.userExists(username)) {
			return null;
		}
		return this.identity.account(username, name, List.of(role), scope.id(), departmentId, INITIAL_PASSWORD);
	}

}
