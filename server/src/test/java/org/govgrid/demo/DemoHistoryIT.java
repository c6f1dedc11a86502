package org.govgrid.demo;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19 item 6: the demo profile with its history, in a context and embedded database
 * of its own (the shared one runs with the history off, so no other test's figures move).
 * A newcomer's dashboard shows thousands of events of the last six months, the rankings
 * every worker of the town, hotspots clusters and 智能分拨 the category of a report; every
 * stored event agrees with its flow; a second load adds nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govgrid.data-dir=target/it-data-history", "govgrid.db.embedded-clean=true",
				"govgrid.db.embedded-durable=false",
				"spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
				"govgrid.security.login-attempts-per-minute=100000", "govgrid.demo.history.enabled=true" })
@ActiveProfiles("demo")
@Import(TestClock.Configuration.class)
@DirtiesContext
class DemoHistoryIT {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DemoHistory history;

	@Test
	void theHistoryIsThereOnceInEveryStateAndSource() {
		Map<String, Object> counts = this.jdbc.queryForMap(
				"""
						select count(*) as events, count(distinct status) as statuses, count(distinct source) as sources,
						    count(distinct category_code) as categories, count(distinct description) as texts,
						    count(*) filter (where score is not null) as rated, count(*) filter (where supervisions > 0) as supervised,
						    count(*) filter (where self_handled) as self_handled
						from event where idempotency_key like 'demo-history-%'""");
		assertThat(((Number) counts.get("events")).intValue()).isEqualTo(DemoHistory.EVENTS);
		assertThat(((Number) counts.get("statuses")).intValue()).isEqualTo(6);
		assertThat(((Number) counts.get("sources")).intValue()).isEqualTo(7);
		assertThat(((Number) counts.get("categories")).intValue()).isGreaterThanOrEqualTo(30);
		assertThat(((Number) counts.get("texts")).intValue()).isGreaterThan(DemoHistory.EVENTS / 2);
		assertThat(((Number) counts.get("rated")).longValue()).isGreaterThan(500);
		assertThat(((Number) counts.get("supervised")).longValue()).isPositive();
		assertThat(((Number) counts.get("self_handled")).longValue()).isPositive();
		// each event's newest flow row ends in its status; closed ones have a close time
		assertThat(this.jdbc.queryForObject("""
				select count(*) from event e
				where e.idempotency_key like 'demo-history-%' and (e.status <> (select f.to_status from event_flow f
				    where f.event_id = e.id order by f.at desc, f.id desc limit 1)
				    or (e.status in ('CLOSED', 'REJECTED')) <> (e.closed_at is not null)
				    or e.reported_at > now())""", Long.class)).isZero();
		assertThat(this.history.load(DemoHistory.EVENTS)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from event where idempotency_key like 'demo-history-%'",
				Long.class))
			.isEqualTo(DemoHistory.EVENTS);
	}

	@Test
	void pointsTotalsAgreeWithTheLedger() {
		Map<String, Object> sums = this.jdbc.queryForMap("""
				select (select sum(points) from point_entry) as ledger,
				    (select sum(points) from point_month_total) as totals,
				    (select count(distinct user_id) from point_entry where worker) as workers""");
		assertThat(sums.get("ledger")).isNotNull();
		assertThat(((Number) sums.get("totals")).doubleValue()).isEqualTo(((Number) sums.get("ledger")).doubleValue());
		assertThat(((Number) sums.get("workers")).intValue()).isGreaterThanOrEqualTo(12);
	}

	@Test
	void aNewcomerSeesRealFigures() throws InterruptedException {
		ApiClient leader = this.accounts.demo(this.port, "leader");
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		String range = "from=" + today.minusDays(HistoryEvents.DAYS) + "&to=" + today;
		// the statistics backfill runs once the application is ready
		JsonNode dashboard = eventually(() -> leader.get("/api/v1/stats/dashboard?" + range).json(),
				d -> d.path("totalEvents").asLong() >= 1000);
		assertThat(dashboard.path("totalEvents").asLong()).isGreaterThanOrEqualTo(1000);
		JsonNode workers = leader.get("/api/v1/rankings/workers?size=50").json();
		assertThat(workers.path("total").asLong()).isGreaterThanOrEqualTo(12);
		assertThat(workers.path("items").get(0).path("points").asDouble()).isPositive();
		JsonNode hotspots = leader.get("/api/v1/warning/hotspots?days=30").json();
		assertThat(hotspots.size()).isPositive();
	}

	@Test
	void suggestionsLearnTheClosedHistory() throws InterruptedException {
		ApiClient centre = this.accounts.demo(this.port, "center");
		Supplier<JsonNode> ask = () -> centre
			.post("/api/v1/events/suggest", Map.of("description", "小区门口垃圾桶满溢出来了，好几天没人清运，臭气熏天"))
			.json();
		JsonNode suggestion = eventually(ask, s -> codes(s).contains("HJWS-01"));
		assertThat(codes(suggestion)).contains("HJWS-01");
	}

	private static Set<String> codes(JsonNode suggestion) {
		Set<String> codes = new java.util.HashSet<>();
		suggestion.path("categories").forEach(c -> codes.add(c.path("code").asString()));
		return codes;
	}

	/**
	 * Reads until {@code done} holds or 60 s pass (background backfills on a busy
	 * machine).
	 */
	private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
		T value = read.get();
		for (int attempt = 0; attempt < 120 && !done.test(value); attempt++) {
			Thread.sleep(500);
			value = read.get();
		}
		return value;
	}

}
