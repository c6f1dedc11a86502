package org.govgrid.identity;

import java.time.Duration;
import java.time.Instant;

import org.govgrid.platform.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountTests {

	private final Instant now = Instant.parse("2026-11-24T08:00:00Z");

	@Test
	void locksOnTheFifthFailureForFifteenMinutes() {
		UserAccount user = new UserAccount("worker9", "W", "hash");
		for (int i = 1; i <= 4; i++) {
			assertThat(user.recordFailedLogin(this.now, 5, Duration.ofMinutes(15))).isFalse();
		}
		assertThat(user.recordFailedLogin(this.now, 5, Duration.ofMinutes(15))).isTrue();
		assertThat(user.isLocked(this.now.plus(Duration.ofMinutes(14)))).isTrue();
		assertThat(user.isLocked(this.now.plus(Duration.ofMinutes(16)))).isFalse();
		assertThat(user.canSignIn(this.now)).isFalse();
	}

	@Test
	void anExpiredPasswordMustBeChangedAtSignIn() {
		UserAccount user = new UserAccount("worker9", "W", "hash");
		user.changePassword("new", this.now.minus(Duration.ofDays(91)));
		assertThat(user.isMustChangePassword()).isFalse();
		user.recordSuccessfulLogin(this.now, Duration.ofDays(90));
		assertThat(user.isMustChangePassword()).isTrue();
	}

	@Test
	void aCancelledAccountCannotComeBack() {
		UserAccount user = new UserAccount("worker9", "W", "hash");
		user.disable();
		user.enable();
		user.cancel();
		assertThatThrownBy(user::enable).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> user.resetPassword("x", this.now)).isInstanceOf(ConflictException.class);
	}

}
