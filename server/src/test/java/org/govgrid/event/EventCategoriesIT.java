package org.govgrid.event;

import java.util.List;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class EventCategoriesIT extends ApiIntegrationTest {

	@Test
	void theTaxonomyIsATwoLevelTreeWithLevelsAndTimeLimits() {
		ApiClient worker = this.accounts.signedIn(this.port, "GRID_WORKER", "320505006001001");
		JsonNode tree = worker.get("/api/v1/event-categories").json();
		List<String> top = tree.valueStream().map(n -> n.path("name").asString()).toList();
		assertThat(top).containsExactly("城市管理", "环境卫生", "安全生产", "消防安全", "治安隐患", "矛盾纠纷", "市场监管", "民生服务", "公共设施", "其他");
		JsonNode cityManagement = tree.get(0);
		assertThat(cityManagement.path("code").asString()).isEqualTo("CSGL");
		assertThat(cityManagement.path("children").get(0).path("code").asString()).isEqualTo("CSGL-01");
		assertThat(cityManagement.path("children").get(0).path("name").asString()).isEqualTo("占道经营");
		assertThat(cityManagement.path("children").get(0).path("children")).isEmpty();
		assertThat(cityManagement.path("acceptanceHours").asDouble()).isEqualTo(2.0);
		assertThat(cityManagement.path("disposalHours").asDouble()).isEqualTo(24.0);
		JsonNode fire = tree.get(3);
		assertThat(fire.path("defaultLevel").asString()).isEqualTo("MAJOR");
		assertThat(fire.path("children").valueStream().map(n -> n.path("defaultLevel").asString())).contains("SERIOUS");
		assertThat(tree.valueStream().mapToInt(n -> n.path("children").size()).sum()).isEqualTo(47);
	}

}
