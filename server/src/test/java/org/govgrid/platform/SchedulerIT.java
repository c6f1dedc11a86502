package org.govgrid.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.govgrid.audit.AuditRecord;
import org.govgrid.audit.AuditTrail;
import org.govgrid.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled jobs do not queue behind each other: while one job holds its thread, another
 * still starts (on Java 17 a pool of threads, on 21+ a virtual thread each), and the 1 s
 * audit sealer seals a new row within its second while a slow job runs.
 */
@IntegrationTest
class SchedulerIT {

	/** How long the stand-in for a slow job (a long warning sweep) holds its thread. */
	static final Duration SLOW_JOB = Duration.ofSeconds(6);

	@Autowired
	TaskScheduler scheduler;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theSchedulerIsAPoolOrVirtualThreads() {
		if (this.scheduler instanceof ThreadPoolTaskScheduler pool) {
			assertThat(pool.getScheduledThreadPoolExecutor().getCorePoolSize()).as("spring.task.scheduling.pool.size")
				.isGreaterThanOrEqualTo(4);
			assertThat(pool.getThreadNamePrefix()).isEqualTo("govgrid-job-");
		}
		else {
			assertThat(this.scheduler).isInstanceOf(SimpleAsyncTaskScheduler.class);
			assertThat(Runtime.version().feature()).as("virtual threads").isGreaterThanOrEqualTo(21);
		}
	}

	@Test
	void aSecondJobStartsWhileTheFirstStillRuns() throws InterruptedException {
		CountDownLatch secondStarted = new CountDownLatch(1);
		CountDownLatch firstSawSecond = new CountDownLatch(1);
		this.scheduler.schedule(() -> {
			try {
				if (secondStarted.await(5, TimeUnit.SECONDS)) {
					firstSawSecond.countDown();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Instant.now());
		this.scheduler.schedule(secondStarted::countDown, Instant.now().plusMillis(50));
		assertThat(firstSawSecond.await(10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void theAuditSealerKeepsItsPaceWhileASlowJobRuns() throws InterruptedException {
		CountDownLatch slowStarted = new CountDownLatch(1);
		this.scheduler.schedule(() -> {
			slowStarted.countDown();
			try {
				Thread.sleep(SLOW_JOB.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, Instant.now());
		assertThat(slowStarted.await(5, TimeUnit.SECONDS)).isTrue();
		String marker = "scheduler-lag-" + System.nanoTime();
		long written = System.nanoTime();
		this.audit.record(AuditRecord.success("SCHEDULER_LAG_PROBE", "test", marker, "sealer lag probe"));
		long lagMillis = -1;
		while (System.nanoTime() - written < SLOW_JOB.toNanos()) {
			Boolean sealed = this.jdbc.queryForObject(
					"select hash is not null from audit_log where action = 'SCHEDULER_LAG_PROBE' and object_id = ?",
					Boolean.class, marker);
			if (Boolean.TRUE.equals(sealed)) {
				lagMillis = (System.nanoTime() - written) / 1_000_000;
				break;
			}
			Thread.sleep(20);
		}
		// one thread would leave the row unsealed until the slow job ends
		System.out.println("audit sealer lag while a " + SLOW_JOB.toSeconds() + " s job runs: " + lagMillis + " ms");
		assertThat(lagMillis).as("sealed within the slow job, in ms").isBetween(0L, 2500L);
	}

}
