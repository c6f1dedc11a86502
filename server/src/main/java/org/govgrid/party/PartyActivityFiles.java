package org.govgrid.party;

import org.govgrid.files.FileOwnerPolicy;
import org.govgrid.platform.ScopedPrincipal;
import org.springframework.stereotype.Component;

/** Photos and videos of an activity are as visible as the activity. */
@Component
class PartyActivityFiles implements FileOwnerPolicy {

	private final PartyActivities activities;

	PartyActivityFiles(PartyActivities activities) {
		this.activities = activities;
	}

	@Override
	public String ownerType() {
		return PartyActivities.OWNER_TYPE;
	}

	@Override
	public boolean canRead(long ownerId, ScopedPrincipal caller) {
		return this.activities.find(ownerId, caller.scope()).isPresent();
	}

}
