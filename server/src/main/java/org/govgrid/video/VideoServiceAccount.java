package org.govgrid.video;

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
 * The account the video-AI platform's events and snapshots are recorded under: an account
 * with no role and a random password nobody knows (it cannot sign in), made on the first
 * alarm. It acts with the system scope: the camera, not the account, places the event.
 */
@Component
class VideoServiceAccount {

	static final String USERNAME = "video-ai";

	static final String DISPLAY_NAME = "视频智能识别平台";

	private final IdentityProvisioning identity;

	private final RegionService regions;

	private volatile Actor actor;

	VideoServiceAccount(IdentityProvisioning identity, RegionService regions) {
		this.identity = identity;
		this.regions = regions;
	}

	/** The account, created under the top of {@code cameraPath}'s region if missing. */
	ScopedPrincipal actor(String cameraPath) {
		Actor known = this.actor;
		if (known != null) {
			return known;
		}
		long id = this.identity.userId(USERNAME).orElseGet(() -> create(cameraPath));
		this.actor = new Actor(id);
		return this.actor;
	}

	private long create(String cameraPath) {
		long top = this.regions.lineage(cameraPath).get(0).id();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		try {
			return this.identity.account(USERNAME, DISPLAY_NAME, List.of(), top, null,
					"Va1#" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
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
