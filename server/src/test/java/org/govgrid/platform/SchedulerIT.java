package org.govgrid.platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.govgrid.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scheduled jobs do not queue behind each other: while one job holds its thread, another
 * still starts (on Java 17 a pool of threads, on 21+ a virtual thread each).
 */
@IntegrationTest
class SchedulerIT {

	@Autowired
	TaskScheduler scheduler;

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
		}, java.time.Instant.now());
		this.scheduler.schedule(secondStarted::countDown, java.time.Instant.now().plusMillis(50));
		assertThat(firstSawSecond.await(10, TimeUnit.SECONDS)).isTrue();
	}

}
