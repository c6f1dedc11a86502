package org.govgrid.iot;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.platform.DataScope;
import org.govgrid.platform.ScopedPrincipal;
import org.govgrid.region.RegionService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The account the IoT devices' alarms are reported under: an account with no role and a
 * random password nobody knows (it cannot sign in), made on the first alarm. It acts with
 * the system scope: the device, not the account, places the event.
 */
@Component
class IotServiceAccount {

	static final String USERNAME = "iot-platform";

	static final String DISPLAY_NAME = "物联感知平台";

	private final IdentityProvisioning identity;

	private final RegionService regions;

	private volatile Actor actor;

	IotServiceAccount(IdentityProvisioning identity, RegionService regions) {
		this.identity = identity;
		this.regions = regions;
	}

	/** The account, created under the top of {@code devicePath}'s region if missing. */
	ScopedPrincipal actor(String devicePath) {
		Actor known = this.actor;
		if (known != null) {
			return known;
		}
		long id = this.identity.userId(USERNAME).orElseGet(() -> create(devicePath));
		this.actor = new Actor(id);
		return this.actor;
	}

	private long create(String devicePath) {
		long top = this.regions.lineage(devicePath).get(0).id();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			return this.identity.account(USERNAME, DISPLAY_NAME, List.of(), top, null,
					"Io7#" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
		}
		catch (DataIntegrityViolationException ex) {
			// made at the same moment by another alarm
			return this.identity.userId(USERNAME).orElseThrow(() -> ex);
		}
	}

	record Actor(long userId) implements ScopedPrincipal {

		@Override
		public String username() {
			return USERNAME;
		}

		@Override
		public DataScope scope() {
			return DataScope.SYSTEM;
		}

		@Override
		public String displayName() {
			return DISPLAY_NAME;
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
