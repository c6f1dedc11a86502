package org.govgrid.identity;

import java.util.List;

import org.govgrid.platform.FieldErrors;
import org.govgrid.support.Properties;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The temporary password generator always makes what the policy accepts, for any
 * username, and never the same twice in a run.
 */
class TemporaryPasswordPropertiesTests {

	@SuppressWarnings("deprecation")
	private final PasswordPolicy policy = new PasswordPolicy(NoOpPasswordEncoder.getInstance());

	@Test
	void everyGeneratedPasswordPassesThePolicy() {
		java.util.Set<String> seen = new java.util.HashSet<>();
		Properties.forAll(21_401, random -> "u" + Long.toString(random.nextLong(Long.MAX_VALUE), 36), username -> {
			String password = TemporaryPasswords.generate();
			FieldErrors errors = new FieldErrors();
			this.policy.check("password", username, password, List.of(), errors);
			assertThat(errors.list()).as(password).isEmpty();
			assertThat(seen.add(password)).as("unique").isTrue();
		});
	}

}
