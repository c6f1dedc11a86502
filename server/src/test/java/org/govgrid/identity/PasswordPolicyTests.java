package org.govgrid.identity;

import java.util.List;

import org.govgrid.platform.FieldErrors;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final PasswordPolicy policy = new PasswordPolicy(this.encoder);

	private boolean accepts(String username, String password, List<String> history) {
		FieldErrors errors = new FieldErrors();
		this.policy.check("newPassword", username, password, history, errors);
		return errors.isEmpty();
	}

	@Test
	void needsEightCharactersOfThreeClasses() {
		assertThat(accepts("worker1", "Grid#Secure2026", List.of())).isTrue();
		assertThat(accepts("worker1", "grid2026x", List.of())).isFalse();
		assertThat(accepts("worker1", "gridsecure2026", List.of())).isFalse();
		assertThat(accepts("worker1", "Grid2026", List.of())).isTrue();
		assertThat(accepts("worker1", "Gr1d#", List.of())).isFalse();
		assertThat(accepts("worker1", "Grid 2026#x", List.of())).isFalse();
	}

	@Test
	void refusesMoreThanBcryptsSeventyTwoBytes() {
		assertThat(accepts("worker1", "Aa1!" + "密".repeat(22), List.of())).isTrue();
		assertThat(accepts("worker1", "Aa1!" + "密".repeat(23), List.of())).isFalse();
	}

	@Test
	void refusesTheUsernameForwardsOrBackwards() {
		assertThat(accepts("worker1", "Worker1@2026", List.of())).isFalse();
		assertThat(accepts("worker1", "1rekrow@2026X", List.of())).isFalse();
	}

	@Test
	void refusesRecentPasswords() {
		List<String> history = List.of(this.encoder.encode("Old#Pass2025"), this.encoder.encode("Older#Pass2024"));
		assertThat(accepts("worker1", "Older#Pass2024", history)).isFalse();
		assertThat(accepts("worker1", "Fresh#Pass2026", history)).isTrue();
	}

	@Test
	void temporaryPasswordsAlwaysSatisfyThePolicy() {
		for (int i = 0; i < 200; i++) {
			assertThat(accepts("someone", TemporaryPasswords.generate(), List.of())).isTrue();
		}
	}

}
