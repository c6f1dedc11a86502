package org.govgrid.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.govgrid.platform.CutLoad.Attempt;
import org.govgrid.platform.CutLoad.Kind;
import org.govgrid.support.Accounts;
import org.govgrid.support.ApiClient;
import org.govgrid.support.ApiClient.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 items 2 and 3: a node whose database is killed mid-load, or is slower than the
 * statement timeout. The node runs in a context of its own on a private PostgreSQL (as an
 * external database), so that killing it leaves the suite's shared database alone. Under
 * a mixed load from several threads (reports, lists, sign-ins that create a session,
 * anonymous calls) every request during the cut answers a 503 problem with Retry-After
 * within 5 s — none a 500, even when saving the session is what fails — health is DOWN;
 * after the restart the node serves again within 10 s by itself; every report
 * acknowledged is there exactly once, and a report that got 503, retried with its
 * Idempotency-Key, exists once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "govgrid.data-dir=target/it-data-dbcut", "govgrid.db.statement-timeout=3s",
				"spring.jpa.properties.hibernate.search.backend.directory.type=local-heap",
				"govgrid.security.login-attempts-per-minute=100000" })
@ActiveProfiles("demo")
@DirtiesContext
class DatabaseCutIT {

	static final PrivateDatabase database = new PrivateDatabase("it-dbcut-postgres");

	static final String GRID = "320505006001001";

	static final Duration CUT = Duration.ofSeconds(8);

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcTemplate jdbc;

	@DynamicPropertySource
	static void privateDatabase(DynamicPropertyRegistry registry) {
		database.start();
		registry.add("govgrid.db.url", database::url);
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", () -> "postgres");
	}

	/** The private database closes with the node, after the pool that uses it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class DatabaseClosedLast {

		@Bean(destroyMethod = "close")
		PrivateDatabase privateDatabase() {
			return database;
		}

		@Bean
		static BeanFactoryPostProcessor dataSourceNeedsPrivateDatabase() {
			return factory -> factory.getBeanDefinition("dataSource").setDependsOn("privateDatabase");
		}

	}

	@Test
	void aKilledDatabaseAnswers503WithinFiveSecondsAndTheNodeRecoversByItselfLosingNothing() throws Exception {
		database.start();
		ApiClient worker = this.accounts.demo(this.port, "worker1");
		ApiClient reader = this.accounts.demo(this.port, "center");
		this.accounts.demo(this.port, "worker2");
		Map<String, Object> body = report();
		long cutAt;
		long restoreStartedAt;
		long restoredAt;
		Response health;
		long healthMillis;
		Response readiness;
		Response liveness;
		CutLoad load = new CutLoad();
		try {
			load.repeat(2, CutLoad.reports(worker, body))
				.repeat(2, CutLoad.lists(reader))
				.repeat(2, CutLoad.signIns(this.port, "worker2", Accounts.PASSWORD))
				.repeat(1, CutLoad.anonymous(this.port));
			Thread.sleep(2_000);

			database.kill();
			cutAt = System.nanoTime();
			long healthStart = System.nanoTime();
			health = new ApiClient(this.port).get("/actuator/health");
			healthMillis = millisSince(healthStart);
			readiness = new ApiClient(this.port).get("/actuator/health/readiness");
			liveness = new ApiClient(this.port).get("/actuator/health/liveness");
			Thread.sleep(Math.max(0, CUT.toMillis() - millisSince(cutAt)));

			restoreStartedAt = System.nanoTime();
			database.start();
			restoredAt = System.nanoTime();
			long deadline = restoredAt + Duration.ofSeconds(15).toNanos();
			while (System.nanoTime() < deadline && !(load.anySince(restoredAt, Kind.REPORT, 201)
					&& load.anySince(restoredAt, Kind.LIST, 200) && load.anySince(restoredAt, Kind.SIGN_IN, 200))) {
				Thread.sleep(50);
			}
			Thread.sleep(500);
		}
		finally {
			load.close();
		}
		List<Attempt> all = load.attempts();
		long firstRefusalAt = all.stream()
			.filter(a -> a.status() == 503 && a.endedAt() >= cutAt)
			.mapToLong(Attempt::endedAt)
			.min()
			.orElse(0);

		assertThat(all).as("every answer is one its kind may give: never a 500 or a broken connection")
			.allSatisfy(a -> assertThat(a.kind().allowed).as(a.toString()).contains(a.status()));
		List<Attempt> duringCut = all.stream()
			.filter(a -> a.startedAt() >= cutAt && a.endedAt() <= restoreStartedAt)
			.toList();
		// a request needing the database takes one pool timeout (3 s) to be refused: a
		// thread fits one or two whole ones into the cut
		for (Kind kind : Kind.values()) {
			assertThat(duringCut).as("%s requests were made during the cut", kind)
				.filteredOn(a -> a.kind() == kind)
				.isNotEmpty();
		}
		assertThat(duringCut).filteredOn(a -> a.kind().needsDatabase())
			.hasSizeGreaterThanOrEqualTo(4)
			.allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(503));
		// a request sent during the cut is refused within 5 s; one in flight at the kill
		// first loses its statement mid-way, then waits one pool timeout (measured up to
		// 6.1 s on a 2-core machine at load average 40-55): bounded at 10 s
		assertThat(all.stream().filter(a -> a.status() == 503)).allSatisfy(a -> {
			assertThat(a.type()).as(a.toString()).endsWith("/service-unavailable");
			assertThat(a.retryAfter()).as(a.toString()).isEqualTo("5");
			assertThat(a.millis()).as("answered within 5 s (10 s if in flight at the kill): %s", a)
				.isLessThan(a.startedAt() >= cutAt ? 5_000 : 10_000);
		});
		assertThat(firstRefusalAt).as("a 503 after the cut").isPositive();
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
		assertThat(healthMillis).as("health answers within 5 s").isLessThan(5_000);
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(liveness.status()).as("a restart would not help: the node stays live").isEqualTo(200);

		Map<Kind, Long> recovery = new EnumMap<>(Kind.class);
		for (Kind kind : List.of(Kind.REPORT, Kind.LIST, Kind.SIGN_IN)) {
			long firstBack = all.stream()
				.filter(a -> a.kind() == kind && a.startedAt() >= restoredAt && kind.allowed.contains(a.status())
						&& a.status() != 503)
				.mapToLong(Attempt::endedAt)
				.min()
				.orElseThrow(() -> new AssertionError("no " + kind + " success within 15 s of the restore"));
			recovery.put(kind, (firstBack - restoredAt) / 1_000_000);
		}
		assertThat(recovery.values()).as("served again within 10 s of the database's return")
			.allSatisfy(millis -> assertThat(millis).isLessThan(10_000));
		assertThat(new ApiClient(this.port).get("/actuator/health").status()).isEqualTo(200);

		// every acknowledged report is stored once, as acknowledged; every 503 retried
		// with its key is stored once
		List<Attempt> reports = all.stream().filter(a -> a.kind() == Kind.REPORT).toList();
		Map<String, Long> acknowledged = new HashMap<>();
		reports.stream().filter(a -> a.status() == 201).forEach(a -> acknowledged.put(a.key(), a.id()));
		List<String> refused = reports.stream().filter(a -> a.status() == 503).map(Attempt::key).toList();
		assertThat(acknowledged).isNotEmpty();
		assertThat(refused).isNotEmpty();
		assertThat(stored(acknowledged.keySet())).isEqualTo(acknowledged);
		for (String key : refused) {
			Response retry = worker.post("/api/v1/events", body, Map.of("Idempotency-Key", key));
			assertThat(retry.status()).as(retry.body()).isIn(200, 201);
		}
		Map<String, Long> retried = stored(refused);
		assertThat(retried.keySet()).containsExactlyInAnyOrderElementsOf(refused);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from event where reporter_id = ? and idempotency_key = any(?)", Long.class,
				this.accounts.id("worker1"), keys(reports)))
			.as("one event per key, none doubled")
			.isEqualTo(reports.stream().map(Attempt::key).distinct().count());

		Map<Kind, Map<Integer, Long>> answers = new EnumMap<>(Kind.class);
		all.forEach(a -> answers.computeIfAbsent(a.kind(), k -> new TreeMap<>()).merge(a.status(), 1L, Long::sum));
		System.out.printf(
				"Database cut: %d requests %s, %d during the %d s cut (all 503 or 401); first 503 %d ms after the kill, "
						+ "slowest 503 %d ms; health DOWN in %d ms; first success after the database was back: %s ms; "
						+ "%d reports acknowledged and found once with their ids, %d refused, retried and found once%n",
				all.size(), answers, duringCut.size(), CUT.toSeconds(), (firstRefusalAt - cutAt) / 1_000_000,
				all.stream().filter(a -> a.status() == 503).mapToLong(Attempt::millis).max().orElse(0), healthMillis,
				recovery, acknowledged.size(), retried.size());
	}

	@Test
	void aStatementSlowerThanTheTimeoutAnswers503NotAHungRequest() throws Exception {
		database.start();
		ApiClient worker = this.accounts.demo(this.port, "worker1");
		String key = UUID.randomUUID().toString();
		assertThat(worker.get("/api/v1/events?size=5").status()).isEqualTo(200);
		try (Connection locker = DriverManager.getConnection(database.url(), "postgres", "");
				Statement statement = locker.createStatement()) {
			locker.setAutoCommit(false);
			// the list's query and the report's insert wait for this lock longer than the
			// 3 s statement timeout
			statement.execute("lock table event in access exclusive mode");
			long start = System.nanoTime();
			Response slow = worker.get("/api/v1/events?size=5");
			long millis = millisSince(start);
			start = System.nanoTime();
			Response slowWrite = worker.post("/api/v1/events", report(), Map.of("Idempotency-Key", key));
			long writeMillis = millisSince(start);
			locker.rollback();
			for (Response refused : List.of(slow, slowWrite)) {
				assertThat(refused.status()).as(refused.body()).isEqualTo(503);
				assertThat(refused.problemType()).endsWith("/service-unavailable");
				assertThat(refused.header("Retry-After")).isEqualTo("5");
			}
			assertThat(millis).as("cancelled by the statement timeout, not hung").isBetween(2_500L, 10_000L);
			assertThat(writeMillis).as("cancelled by the statement timeout, not hung").isBetween(2_500L, 10_000L);
		}
		assertThat(stored(List.of(key))).as("the refused report left nothing behind").isEmpty();
		assertThat(worker.get("/api/v1/events?size=5").status()).isEqualTo(200);
		assertThat(worker.post("/api/v1/events", report(), Map.of("Idempotency-Key", key)).status()).isEqualTo(201);
		assertThat(stored(List.of(key))).hasSize(1);
	}

	private Map<String, Object> report() {
		Map<String, Object> point = this.jdbc.queryForMap("select center_lon, center_lat from region where code = ?",
				GRID);
		Map<String, Object> report = new HashMap<>();
		report.put("categoryCode", "CSGL-01");
		report.put("description", "断库测试：占道经营");
		report.put("lon", point.get("center_lon"));
		report.put("lat", point.get("center_lat"));
		report.put("address", "断库测试地址");
		report.put("source", "GRID_WORKER");
		return report;
	}

	/** Idempotency key → event id of the stored reports with these keys. */
	private Map<String, Long> stored(java.util.Collection<String> keys) {
		Map<String, Long> stored = new HashMap<>();
		this.jdbc.query("select idempotency_key, id from event where idempotency_key = any(?)", row -> {
			assertThat(stored.put(row.getString(1), row.getLong(2))).as("key %s stored twice", row.getString(1))
				.isNull();
		}, (Object) keys.toArray(String[]::new));
		return stored;
	}

	private static String[] keys(List<Attempt> attempts) {
		return attempts.stream().map(Attempt::key).distinct().toArray(String[]::new);
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

}
