package org.govgrid.iot;

import org.govgrid.identity.IdentityProvisioning;
import org.govgrid.identity.ServiceAccount;
import org.govgrid.region.RegionService;
import org.springframework.stereotype.Component;

/** The account the IoT devices' alarms are reported under. */
@Component
class IotServiceAccount extends ServiceAccount {

	static final String USERNAME = "iot-platform";

	IotServiceAccount(IdentityProvisioning identity, RegionService regions) {
		super(identity, regions, USERNAME, "物联感知平台");
	}

}
