package org.govgrid.identity;

import java.nio.file.Path;

import org.govgrid.platform.GovGridProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTests {

	@Test
	void limitsEachAddressSeparately() {
		GovGridProperties.Security security = new GovGridProperties.Security(java.time.Duration.ofMinutes(15),
				java.time.Duration.ofHours(12), java.time.Duration.ofDays(90), 5, java.time.Duration.ofMinutes(15), 5,
				java.time.Duration.ofDays(730), 3);
		LoginThrottle throttle = new LoginThrottle(new GovGridProperties(Path.of("data"),
				new GovGridProperties.Db("", "", "", false, 0, true), new GovGridProperties.Map("", ""), security));
		assertThat(throttle.tryAcquire("10.0.0.1")).isTrue();
		assertThat(throttle.tryAcquire("10.0.0.1")).isTrue();
		assertThat(throttle.tryAcquire("10.0.0.1")).isTrue();
		assertThat(throttle.tryAcquire("10.0.0.1")).isFalse();
		assertThat(throttle.tryAcquire("10.0.0.2")).isTrue();
	}

	@Test
	void aFullTableDropsTheLeastRecentlySeenAddressesNotEveryLimit() {
		LoginThrottle throttle = new LoginThrottle(3, 100);
		for (int i = 0; i < 3; i++) {
			assertThat(throttle.tryAcquire("10.9.9.9")).isTrue();
		}
		assertThat(throttle.tryAcquire("10.9.9.9")).isFalse();
		// an attacker floods the table with fresh addresses, the victim address stays in
		// use
		for (int i = 0; i < 1_000; i++) {
			throttle.tryAcquire("172.16." + (i / 250) + "." + (i % 250));
			if (i % 50 == 0) {
				assertThat(throttle.tryAcquire("10.9.9.9")).isFalse();
			}
		}
		assertThat(throttle.tracked()).isEqualTo(100);
		assertThat(throttle.tryAcquire("10.9.9.9")).as("the limit held through the flood").isFalse();
	}

}
