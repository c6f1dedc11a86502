package org.govgrid.event.model;

import java.time.Duration;
import java.util.List;

import org.govgrid.event.model.RoutingRule.EventFacts;
import org.govgrid.event.model.RoutingRule.RouteTarget;
import org.govgrid.event.model.RoutingRule.RouteTarget.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingTests {

	private static final String TOWN = "320500/320505/320505006";

	private static final String GRID = TOWN + "/320505006001/320505006001001";

	private static final String OTHER_TOWN_GRID = "320500/320505/320505007/320505007001/320505007001001";

	private static RoutingRule rule(long id, String category, String region, EventLevel level, RouteTarget target,
			int priority) {
		return new RoutingRule(id, category, region, level, target, Duration.ofHours(2), Duration.ofHours(24),
				target.kind() == Kind.DEPARTMENT, priority);
	}

	private final List<RoutingRule> rules = List.of(rule(1, null, null, null, RouteTarget.of(Kind.TOWN_CENTRE), 0),
			rule(2, "CSGL", TOWN, null, RouteTarget.department(7), 0),
			rule(3, "CSGL-03", TOWN, null, RouteTarget.department(8), 0),
			rule(4, "CSGL", "320500", EventLevel.SERIOUS, RouteTarget.department(9), 0),
			rule(5, "MSFW", TOWN, null, RouteTarget.of(Kind.OWN_COMMUNITY), 0),
			rule(6, "MSFW", TOWN, null, RouteTarget.of(Kind.OWN_GRID), 5));

	private long routeOf(String category, String parent, String grid, EventLevel level) {
		return Routing.choose(this.rules, new EventFacts(category, parent, grid, level)).orElseThrow().id();
	}

	@Test
	void aCityManagementEventInTheFirstTownGoesToItsDepartment() {
		assertThat(routeOf("CSGL-01", "CSGL", GRID, EventLevel.GENERAL)).isEqualTo(2);
	}

	@Test
	void aSubcategoryRuleBeatsItsCategoryRule() {
		assertThat(routeOf("CSGL-03", "CSGL", GRID, EventLevel.MAJOR)).isEqualTo(3);
	}

	@Test
	void categoryBeatsRegionDepthAndRegionDepthBeatsLevel() {
		// rule 2 (category, town) against rule 4 (category, city, level): the deeper
		// region wins
		assertThat(routeOf("CSGL-01", "CSGL", GRID, EventLevel.SERIOUS)).isEqualTo(2);
		// in the other town only rule 4 matches for a serious event
		assertThat(routeOf("CSGL-01", "CSGL", OTHER_TOWN_GRID, EventLevel.SERIOUS)).isEqualTo(4);
	}

	@Test
	void otherEventsWaitInTheTownCentresQueue() {
		assertThat(routeOf("AQSC-01", "AQSC", GRID, EventLevel.MAJOR)).isEqualTo(1);
		assertThat(routeOf("CSGL-01", "CSGL", OTHER_TOWN_GRID, EventLevel.GENERAL)).isEqualTo(1);
	}

	@Test
	void priorityBreaksTiesBetweenEquallySpecificRules() {
		assertThat(routeOf("MSFW-02", "MSFW", GRID, EventLevel.GENERAL)).isEqualTo(6);
	}

	@Test
	void aRegionPrefixMatchesWholePathSegmentsOnly() {
		List<RoutingRule> only = List.of(rule(9, null, "320500/320505/32050500", null, RouteTarget.department(1), 0));
		assertThat(Routing.choose(only, new EventFacts("QT-01", "QT", GRID, EventLevel.GENERAL))).isEmpty();
	}

	@Test
	void onlyADepartmentTargetNamesADepartment() {
		assertThatThrownBy(() -> new RouteTarget(Kind.DEPARTMENT, null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RouteTarget(Kind.OWN_GRID, 3L)).isInstanceOf(IllegalArgumentException.class);
	}

}
