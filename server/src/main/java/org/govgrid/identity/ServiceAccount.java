package org.govgrid.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The account a machine's reports are recorded under (the video-AI platform, the IoT
 * devices; ADR 0009): no role and a random password nobody knows, so it cannot sign in,
 * made on first use under the top region of the first object it reports for. It acts with
 * the system scope: the camera or device, not the account, places what it reports. A
 * module makes one bean of it with its own username and display name.
 */
public class ServiceAccount {

	private final IdentityProvisioning identity;

	private final RegionService regions;

	private final String username;

	private final String displayName;

	private volatile Actor actor;

	protected ServiceAccount(IdentityProvisioning identity, RegionService regions, String username,
			String displayName) {
		this.identity = identity;
		this.regions = regions;
		this.username = username;
		this.displayName = displayName;
	}

	/** The account, created under the top of {@code objectPath}'s region if missing. */
	public ScopedPrincipal actor(String objectPath) {
		Actor known = this.actor;
		if (known != null) {
			return known;
		}
		long id = this.identity.userId(this.username).orElseGet(() -> create(objectPath));
		this.actor = new Actor(id, this.username, this.displayName);
		return this.actor;
	}

	public String username() {
		return this.username;
	}

	private long create(String objectPath) {
		long top = this.regions.lineage(objectPath).get(0).id();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			return this.identity.account(this.username, this.displayName, List.of(), top, null,
					"Sv1#" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
		}
		catch (DataIntegrityViolationException ex) {
			// made at the same moment by another report
			return this.identity.userId(this.username).orElseThrow(() -> ex);
		}
	}

	record Actor(long userId, String username, String displayName) implements ScopedPrincipal {

		@Override
		public DataScope scope() {
			return DataScope.SYSTEM;
		}

		@Override
		public Long departmentId() {
			return null;
		}

		@Override
		public Set<String> permissions() {
			return Set.of();
		}

	}

}
