package org.govgrid.event;

import java.time.Duration;
import java.util.Map;

import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiIntegrationTest;
import org.govgrid.support.RecordingSmsGateway;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 时限预警: the scheduled job, run at a later time on the injected clock, turns events yellow
 * and then red on the board and in the list, and warns once per flag.
 */
class DeadlineFlagsIT extends ApiIntegrationTest {

	@Autowired
	TestClock clock;

	@Autowired
	DeadlineFlagJob job;

	@Autowired
	RecordingSmsGateway sms;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void anOverdueEventTurnsRedOnTheBoardAfterTheJobRuns() {
		ApiClient worker1 = this.accounts.demo(this.port, "worker1");
		ApiClient center = this.accounts.demo(this.port, "center");
		this.jdbc.update("update app_user set phone = '13800001111' where username = 'leader'");
		double[] point = center(EventLifecycleIT.GRID_1);
		JsonNode event = worker1
			.post("/api/v1/events",
					Map.of("categoryCode", "CSGL-03", "description", "井盖缺失", "lon", point[0], "lat", point[1],
							"address", "狮山路1号", "source", "GRID_WORKER"))
			.json();
		String code = event.path("code").asString();
		long id = event.path("id").asLong();
		assertThat(boardRow(center, code).path("flag").asString()).isEqualTo("NONE");

		// disposal limit of the demo rule: 24 h; 80 % is 19.2 h
		this.clock.advance(Duration.ofHours(20));
		this.job.run();
		this.clock.reset();
		assertThat(boardRow(center, code).path("flag").asString()).isEqualTo("YELLOW");
		assertThat(notifiedFlag(id)).isEqualTo("YELLOW");

		this.clock.advance(Duration.ofHours(25));
		this.job.run();
		this.job.run();
		this.clock.reset();
		JsonNode row = boardRow(center, code);
		assertThat(row.path("flag").asString()).isEqualTo("RED");
		assertThat(row.path("overdueAt").asString()).isNotBlank();
		assertThat(notifiedFlag(id)).isEqualTo("RED");
		assertThat(this.jdbc.queryForList("""
				select u.username || ' ' || n.kind from notification n join app_user u on u.id = n.user_id
				where n.subject_type = 'event' and n.subject_id = ? and n.kind like 'DEADLINE%' order by n.id""",
				String.class, id))
			.as("the unit and the town's leader, once per flag")
			.containsExactlyInAnyOrder("dept_cg DEADLINE_YELLOW", "leader DEADLINE_YELLOW", "dept_cg DEADLINE_RED",
					"leader DEADLINE_RED");
		assertThat(this.sms.sent()).anySatisfy(message -> {
			assertThat(message.recipientUserId()).isEqualTo(this.accounts.id("leader"));
			assertThat(message.phone()).isEqualTo("13800001111");
			assertThat(message.text()).contains(code);
		});
		JsonNode red = center.get("/api/v1/events?overdue=true&keyword=" + code).json();
		assertThat(red.path("total").asLong()).isEqualTo(1);
		assertThat(center.get("/api/v1/dispatch/collaborative-events?flag=RED&size=200").json().path("items"))
			.extracting(item -> item.path("code").asString())
			.contains(code);
	}

	private JsonNode boardRow(ApiClient center, String code) {
		JsonNode items = center.get("/api/v1/dispatch/collaborative-events?keyword=" + code).json().path("items");
		assertThat(items.size()).as(items.toString()).isEqualTo(1);
		return items.get(0);
	}

	private String notifiedFlag(long id) {
		return this.jdbc.queryForObject("select notified_flag from event where id = ?", String.class, id);
	}

}
