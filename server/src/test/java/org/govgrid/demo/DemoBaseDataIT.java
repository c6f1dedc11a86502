package org.govgrid.demo;

import java.util.List;
import java.util.Map;

import org.govgrid.basedata.CreditCodes;
import org.govgrid.region.RegionService;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's two grids hold believable base data, every point inside its grid, and
 * seeding again changes nothing.
 */
class DemoBaseDataIT extends ApiIntegrationTest {

	private static final List<String> GRIDS = List.of("320505006001001", "320505006001002");

	@Autowired
	DemoBaseData baseData;

	@Autowired
	RegionService regions;

	@Test
	void theTwoGridsHoldPeopleHousesAndTheRestInsideTheirBoundaries() {
		ApiClient center = this.accounts.demo(this.port, "center");
		JsonNode tags = center.get("/api/v1/people?size=200&tag=COMMUNITY_CORRECTION").json().path("items");
		assertThat(tags.findValuesAsString("name")).contains("谢永福");
		assertThat(center.get("/api/v1/people?size=200&tag=MENTAL_DISORDER")
			.json()
			.path("items")
			.findValuesAsString("name")).contains("钱永红");
		assertThat(
				center.get("/api/v1/people?size=200&tag=ELDERLY_ALONE").json().path("items").findValuesAsString("name"))
			.contains("陈桂兰", "郭秀珍");

		for (String table : List.of("bd_house", "bd_place", "bd_organization", "bd_thing", "bd_dispute")) {
			for (Map<String, Object> row : this.jdbc.queryForList(
					"select r.id, r.lon, r.lat, g.code from " + table
							+ " r join region g on g.id = r.grid_id where g.code in (?, ?) and r.lon is not null",
					GRIDS.get(0), GRIDS.get(1))) {
				String at = this.regions.gridAt((Double) row.get("lon"), (Double) row.get("lat"))
					.map(grid -> grid.code())
					.orElse("nowhere");
				assertThat(at).as(table + " " + row.get("id")).isEqualTo(row.get("code"));
			}
		}
		Map<String, Object> counts = this.jdbc.queryForMap(
				"""
						select (select count(*) from bd_house h join region g on g.id = h.grid_id
						            where g.code in ('320505006001001', '320505006001002') and h.address like '苏州高新区%') as houses,
						       (select count(*) from bd_house h where h.rented and h.address like '苏州高新区%') as rented,
						       (select count(*) from bd_thing t where t.code like '320505006001%') as things,
						       (select count(distinct status) from bd_dispute d where d.title in
						            ('楼道堆放杂物引发邻里纠纷', '装修工人工资拖欠纠纷', '厨房排烟管道维修费用纠纷')) as stages""");
		assertThat(counts).containsEntry("houses", 15L)
			.containsEntry("rented", 4L)
			.containsEntry("things", 20L)
			.containsEntry("stages", 3L);
		for (String code : this.jdbc.queryForList("select credit_code from bd_organization where address like '苏州高新区%'",
				String.class)) {
			assertThat(CreditCodes.problem(code)).as(code).isEmpty();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from bd_house_tenant", Integer.class)).isPositive();
	}

	@Test
	void seedingAgainChangesNothing() {
		Integer people = this.jdbc.queryForObject("select count(*) from bd_person", Integer.class);
		Integer houses = this.jdbc.queryForObject("select count(*) from bd_house", Integer.class);
		this.baseData.seedIfEmpty();
		assertThat(this.jdbc.queryForObject("select count(*) from bd_person", Integer.class)).isEqualTo(people);
		assertThat(this.jdbc.queryForObject("select count(*) from bd_house", Integer.class)).isEqualTo(houses);
	}

}
