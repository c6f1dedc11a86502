package org.govgrid.identity;

import java.time.Instant;

import org.govgrid.platform.ConflictException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountTests {

	private final Instant now = Instant.parse("2026-11-24T08:00:00Z");

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
