package org.govgrid.video;

import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.identity.ServiceAccount;
import org.govgrid.region.RegionService;
import org.springframework.stereotype.Component;

/** The account the video-AI platform's events and snapshots are recorded under. */
@Component
class VideoServiceAccount extends ServiceAccount {

	static final String USERNAME = "video-ai";

	VideoServiceAccount(IdentityProvisioning identity, RegionService regions) {
		super(identity, regions, USERNAME, "视频智能识别平台");
	}

}
