package org.govgrid.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.region.RegionService;
import org.govgrid.region.RegionSummary;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Test fixture: fresh accounts with a role and a scope, already past the forced password
 * change, so each test owns its users and never depends on another test's state.
 */
@Component
public class Accounts {

	public static final String INITIAL = "GovGrid@2026";

	public static final String PASSWORD = "Test#Pass2026";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final IdentityProvisioning identity;

	private final RegionService regions;

	private final JdbcTemplate jdbc;

	private final PasswordEncoder encoder;

	Accounts(IdentityProvisioning identity, RegionService regions, JdbcTemplate jdbc, PasswordEncoder encoder) {
		this.identity = identity;
		this.regions = regions;
		this.jdbc = jdbc;
		this.encoder = encoder;
	}

	/**
	 * A demo account (worker1, center, dept_cg...) signed in, whatever other tests did to
	 * its password: the fixture sets it to {@link #PASSWORD}, already changed and
	 * unlocked.
	 */
	public ApiClient demo(int port, String username) {
		int updated = this.jdbc.update("""
				update app_user set password_hash = ?, must_change_password = false, password_changed_at = now(),
				    failed_attempts = 0, locked_until = null, status = 'ACTIVE'
				where username = ?""", this.encoder.encode(PASSWORD), username);
		if (updated != 1) {
			throw new IllegalArgumentException("no demo account " + username);
		}
		ApiClient client = new ApiClient(port);
		if (client.login(username, PASSWORD).status() != 200) {
			throw new IllegalStateException("cannot sign in as " + username);
		}
		return client;
	}

	/**
	 * Puts a demo account back to its first day: the initial password, to be changed,
	 * unlocked and with no history.
	 */
	public void initial(String username) {
		this.jdbc.update("delete from password_history where user_id = (select id from app_user where username = ?)",
				username);
		this.jdbc.update("""
				update app_user set password_hash = ?, must_change_password = true, password_changed_at = null,
				    failed_attempts = 0, locked_until = null, status = 'ACTIVE'
				where username = ?""", this.encoder.encode(INITIAL), username);
	}

	/** The id of a user by name. */
	public long id(String username) {
		return this.jdbc.queryForObject("select id from app_user where username = ?", Long.class, username);
	}

	/**
	 * A new user with {@code role}, scoped to the region with {@code regionCode}, signed
	 * in.
	 */
	public ApiClient signedIn(int port, String role, String regionCode) {
		String username = "t" + SEQUENCE.incrementAndGet() + "_" + role.toLowerCase();
		create(username, role, regionCode);
		ApiClient client = new ApiClient(port);
		client.login(username, INITIAL);
		client.changePassword(INITIAL, PASSWORD);
		return client;
	}

	/**
	 * A new user who has not signed in yet (initial password {@link #INITIAL}); returns
	 * the username.
	 */
	public String create(String username, String role, String regionCode) {
		RegionSummary region = region(regionCode);
		this.identity.account(username, username, List.of(role), region.id(), null, INITIAL);
		return username;
	}

	public RegionSummary region(String code) {
		return this.regions.findByCode(code).orElseThrow(() -> new IllegalArgumentException("no region " + code));
	}

}
