package org.govgrid.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * external database), so that killing it leaves the suite's shared database alone. Every
 * request during the cut answers a 503 problem with Retry-After within 5 s, health is
 * DOWN; after the restart the node serves again within 10 s by itself; every report
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

	static final Duration CUT = Duration.ofSeconds(6);

	static final int SENDERS = 6;

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
		Map<String, Object> body = report();
		ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
		AtomicBoolean stop = new AtomicBoolean();
		ExecutorService load = Executors.newFixedThreadPool(SENDERS);
		for (int i = 0; i < SENDERS; i++) {
			load.submit(() -> {
				while (!stop.get()) {
					attempts.add(Attempt.of(worker, body, UUID.randomUUID().toString()));
				}
			});
		}
		Thread.sleep(2_000);

		database.kill();
		long cutAt = System.nanoTime();
		long healthStart = System.nanoTime();
		Response health = new ApiClient(this.port).get("/actuator/health");
		long healthMillis = millisSince(healthStart);
		Response readiness = new ApiClient(this.port).get("/actuator/health/readiness");
		Response liveness = new ApiClient(this.port).get("/actuator/health/liveness");
		Thread.sleep(Math.max(0, CUT.toMillis() - millisSince(cutAt)));

		long restoreStartedAt = System.nanoTime();
		database.start();
		long restoredAt = System.nanoTime();
		long deadline = restoredAt + Duration.ofSeconds(15).toNanos();
		while (System.nanoTime() < deadline
				&& attempts.stream().noneMatch(a -> a.startedAt() >= restoredAt && a.status() == 201)) {
			Thread.sleep(50);
		}
		Thread.sleep(500);
		stop.set(true);
		load.shutdown();
		assertThat(load.awaitTermination(40, TimeUnit.SECONDS)).isTrue();

		List<Attempt> all = new ArrayList<>(attempts);
		assertThat(all).as("every answer is 201 or a 503 problem, never a 500 or a broken connection")
			.allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(201, 503));
		List<Attempt> duringCut = all.stream()
			.filter(a -> a.startedAt() >= cutAt && a.endedAt() <= restoreStartedAt)
			.toList();
		assertThat(duringCut).as("requests were made during the cut").hasSizeGreaterThan(3);
		assertThat(duringCut).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isEqualTo(503));
		assertThat(all.stream().filter(a -> a.status() == 503)).allSatisfy(a -> {
			assertThat(a.type()).as(a.toString()).endsWith("/service-unavailable");
			assertThat(a.retryAfter()).as(a.toString()).isEqualTo("5");
			assertThat(a.millis()).as("answered within 5 s: %s", a).isLessThan(5_000);
		});
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.json().path("status").asString()).isEqualTo("DOWN");
		assertThat(healthMillis).as("health answers within 5 s").isLessThan(5_000);
		assertThat(readiness.status()).isEqualTo(503);
		assertThat(liveness.status()).as("a restart would not help: the node stays live").isEqualTo(200);

		Attempt firstBack = all.stream()
			.filter(a -> a.startedAt() >= restoredAt && a.status() == 201)
			.min((a, b) -> Long.compare(a.endedAt(), b.endedAt()))
			.orElseThrow(() -> new AssertionError("no success within 15 s of the restore"));
		long recoveryMillis = (firstBack.endedAt() - restoredAt) / 1_000_000;
		assertThat(recoveryMillis).as("served again within 10 s of the database's return").isLessThan(10_000);
		assertThat(new ApiClient(this.port).get("/actuator/health").status()).isEqualTo(200);

		// every acknowledged report is stored once, as acknowledged; every 503 retried
		// with its key is stored once
		Map<String, Long> acknowledged = new HashMap<>();
		all.stream().filter(a -> a.status() == 201).forEach(a -> acknowledged.put(a.key(), a.id()));
		List<String> refused = all.stream().filter(a -> a.status() == 503).map(Attempt::key).toList();
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
				this.accounts.id("worker1"), keys(all)))
			.as("one event per key, none doubled")
			.isEqualTo(all.stream().map(Attempt::key).distinct().count());

		System.out.printf(
				"Database cut: %d requests, %d acknowledged, %d answered 503 (%d of them sent and answered during the %d s cut; slowest 503 %d ms); "
						+ "health DOWN in %d ms; first success %d ms after the database was back; "
						+ "%d acknowledged found once, %d retried found once%n",
				all.size(), acknowledged.size(), refused.size(), duringCut.size(), CUT.toSeconds(),
				all.stream().filter(a -> a.status() == 503).mapToLong(Attempt::millis).max().orElse(0), healthMillis,
				recoveryMillis, acknowledged.size(), retried.size());
	}

	@Test
	void aStatementSlowerThanTheTimeoutAnswers503NotAHungRequest() throws Exception {
		database.start();
		ApiClient worker = this.accounts.demo(this.port, "worker1");
		assertThat(worker.get("/api/v1/events?size=5").status()).isEqualTo(200);
		try (Connection locker = DriverManager.getConnection(database.url(), "postgres", "");
				Statement statement = locker.createStatement()) {
			locker.setAutoCommit(false);
			// the list's query waits for this lock longer than the 3 s statement timeout
			statement.execute("lock table event in access exclusive mode");
			long start = System.nanoTime();
			Response slow = worker.get("/api/v1/events?size=5");
			long millis = millisSince(start);
			locker.rollback();
			assertThat(slow.status()).as(slow.body()).isEqualTo(503);
			assertThat(slow.problemType()).endsWith("/service-unavailable");
			assertThat(slow.header("Retry-After")).isEqualTo("5");
			assertThat(millis).as("cancelled by the statement timeout, not hung").isBetween(2_500L, 10_000L);
		}
		assertThat(worker.get("/api/v1/events?size=5").status()).isEqualTo(200);
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

	/** One report sent: its key, when, and what came back. */
	record Attempt(String key, long startedAt, long endedAt, int status, String type, String retryAfter, long id) {

		static Attempt of(ApiClient client, Map<String, Object> body, String key) {
			long start = System.nanoTime();
			int status;
			String type = "";
			String retryAfter = null;
			long id = 0;
			try {
				Response response = client.post("/api/v1/events", body, Map.of("Idempotency-Key", key));
				status = response.status();
				retryAfter = response.header("Retry-After");
				if (status == 201) {
					id = response.json().path("id").asLong();
				}
				else if (response.contentType().contains("json")) {
					type = response.problemType();
				}
			}
			catch (RuntimeException ex) {
				// a broken connection or a timeout of the client: counted as a failure
				status = -1;
				type = ex.toString();
			}
			return new Attempt(key, start, System.nanoTime(), status, type, retryAfter, id);
		}

		long millis() {
			return (this.endedAt - this.startedAt) / 1_000_000;
		}

	}

}
